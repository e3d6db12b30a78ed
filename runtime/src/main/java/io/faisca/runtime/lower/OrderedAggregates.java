package io.faisca.runtime.lower;

import io.faisca.runtime.lower.AggregateArguments.SortKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Aggregates over their values in the order of WITHIN GROUP: PERCENTILE_CONT,
 * PERCENTILE_DISC and LISTAGG (STRING_AGG). Spark's Dataset API has no
 * WITHIN GROUP: the values are gathered into an array and sorted there.
 */
final class OrderedAggregates {
  private static final String VALUE = "value";

  private OrderedAggregates() {
  }

  /** Interpolates between the two values nearest the fraction, as Spark's percentile does. */
  static Column percentileCont(BigDecimal fraction, SortKey key) {
    BigDecimal ascending = key.descending() ? BigDecimal.ONE.subtract(fraction) : fraction;
    return functions.percentile(key.column(), functions.lit(ascending.doubleValue()));
  }

  /** The first value, in order, whose position reaches the fraction of the count; NULLs left out. */
  static Column percentileDisc(BigDecimal fraction, SortKey key) {
    Column sorted = functions.sort_array(functions.collect_list(key.column()), !key.descending());
    Column count = functions.size(sorted);
    Column position = functions.greatest(functions.ceil(functions.lit(fraction).multiply(count)), functions.lit(1));
    return functions.when(count.gt(0), functions.element_at(sorted, position.cast("int")));
  }

  /** The non-NULL values as strings in order, the separator between them; NULL when there are none. */
  static Column listAgg(Column value, String separator, List<SortKey> order) {
    List<Column> fields = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      fields.add(order.get(i).column().as(key(i)));
    }
    fields.add(value.cast("string").as(VALUE));
    Column entries = functions.collect_list(
        functions.when(value.isNotNull(), functions.struct(fields.toArray(Column[]::new))));
    Column sorted = order.isEmpty() ? entries : functions.array_sort(entries, (l, r) -> compare(l, r, order));
    Column joined = functions.array_join(functions.transform(sorted, e -> e.getField(VALUE)), separator);
    return functions.when(functions.size(entries).gt(0), joined);
  }

  /** Negative, zero or positive as entry l sorts before, with or after entry r. */
  private static Column compare(Column l, Column r, List<SortKey> order) {
    Column result = functions.lit(0);
    for (int i = order.size() - 1; i >= 0; i--) {
      Column byKey = compareKey(l.getField(key(i)), r.getField(key(i)), order.get(i));
      result = functions.when(byKey.notEqual(0), byKey).otherwise(result);
    }
    return result;
  }

  private static Column compareKey(Column a, Column b, SortKey key) {
    int nullSide = key.nullsFirst() ? -1 : 1;
    int direction = key.descending() ? -1 : 1;
    return functions.when(a.isNull().and(b.isNull()), 0)
        .when(a.isNull(), nullSide)
        .when(b.isNull(), -nullSide)
        .when(a.lt(b), -direction)
        .when(a.gt(b), direction)
        .otherwise(0);
  }

  private static String key(int i) {
    return "key" + i;
  }
}
