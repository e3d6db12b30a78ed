package io.faisca.runtime.lower;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.planner.physical.SparkSort;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * ORDER BY, OFFSET and FETCH. NULLs go where the collation says (Faísca's
 * default is NULLs last ascending and first descending), not where Spark's
 * default would put them.
 */
final class SortLowering {
  private SortLowering() {
  }

  static Dataset<Row> lower(SparkSort sort, Dataset<Row> input, LoweringContext context) {
    Dataset<Row> result = input;
    List<RelFieldCollation> fields = sort.getCollation().getFieldCollations();
    if (!fields.isEmpty()) {
      String[] names = input.columns();
      Column[] order = fields.stream().map(f -> Orderings.of(ColumnNames.ref(names[f.getFieldIndex()]), f))
          .toArray(Column[]::new);
      result = result.orderBy(order);
    }
    if (sort.offset != null) {
      result = result.offset(count(sort.offset, "OFFSET", context));
    }
    if (sort.fetch != null) {
      result = result.limit(count(sort.fetch, "FETCH", context));
    }
    return result;
  }

  private static int count(RexNode node, String clause, LoweringContext context) {
    Object value = node instanceof RexDynamicParam param
        ? context.parameter(param.getIndex())
        : ((RexLiteral) node).getValueAs(Long.class);
    if (!(value instanceof Number number) || number.longValue() < 0) {
      throw new FaiscaException(ErrorCode.INVALID_ARGUMENT,
          clause + " must be a non-negative integer, got " + value);
    }
    return (int) Math.min(Integer.MAX_VALUE, number.longValue());
  }
}
