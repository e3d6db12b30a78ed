package io.faisca.runtime.lower;

import io.faisca.planner.physical.SparkAggregate;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import scala.jdk.javaapi.CollectionConverters;

/**
 * GROUP BY: Spark's groupBy or groupingSets over the key
 * columns, then one aggregate column per call, each cast to its SQL type.
 */
final class AggregateLowering {
  private AggregateLowering() {
  }

  static Dataset<Row> lower(SparkAggregate aggregate, Dataset<Row> input, LoweringContext context) {
    String[] inputNames = input.columns();
    List<Column> keys = aggregate.getGroupSet().asList().stream()
        .map(i -> ColumnNames.ref(inputNames[i])).toList();
    List<String> names = ColumnNames.of(aggregate.getRowType());
    int keyCount = keys.size();
    List<Column> aggregates = new ArrayList<>();
    for (int i = 0; i < aggregate.getAggCallList().size(); i++) {
      AggregateCall call = aggregate.getAggCallList().get(i);
      aggregates.add(aggregateColumn(aggregate, call, inputNames).as(names.get(keyCount + i)));
    }
    boolean placeholder = aggregates.isEmpty();
    if (placeholder) {
      // Spark's agg needs one expression; a GROUP BY without aggregates still groups.
      aggregates.add(functions.count(functions.lit(1)).as("_placeholder"));
    }
    Dataset<Row> result = grouped(aggregate, input, keys)
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
    return placeholder ? result.drop("_placeholder") : result;
  }

  /**
   * ROLLUP and CUBE go to Spark as their grouping sets too: Calcite calls
   * ROLLUP (b, a) a rollup, with its keys in field order (a, b), which
   * Spark's rollup would roll up the other way round.
   */
  private static RelationalGroupedDataset grouped(Aggregate aggregate, Dataset<Row> input, List<Column> keys) {
    Column[] keyArray = keys.toArray(Column[]::new);
    if (aggregate.getGroupType() == Aggregate.Group.SIMPLE) {
      return input.groupBy(keyArray);
    }
    List<Integer> keyFields = aggregate.getGroupSet().asList();
    List<scala.collection.immutable.Seq<Column>> sets = new ArrayList<>();
    for (ImmutableBitSet set : aggregate.getGroupSets()) {
      List<Column> columns = set.asList().stream().map(f -> keys.get(keyFields.indexOf(f))).toList();
      sets.add(CollectionConverters.asScala(columns).toList());
    }
    return input.groupingSets(CollectionConverters.asScala(sets).toList(), keyArray);
  }

  private static Column aggregateColumn(Aggregate aggregate, AggregateCall call, String[] inputNames) {
    SqlKind kind = call.getAggregation().getKind();
    if (kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID) {
      return grouping(aggregate, call.getArgList());
    }
    List<Column> args = call.getArgList().stream().map(i -> ColumnNames.ref(inputNames[i])).toList();
    List<Object> constants = call.getArgList().stream().map(i -> constant(aggregate.getInput(), i)).toList();
    List<AggregateArguments.SortKey> withinGroup = call.getCollation().getFieldCollations().stream()
        .map(f -> new AggregateArguments.SortKey(ColumnNames.ref(inputNames[f.getFieldIndex()]), f))
        .toList();
    Column filter = call.filterArg >= 0 ? ColumnNames.ref(inputNames[call.filterArg]) : null;
    return AggregateFunctions.lower(call, new AggregateArguments(args, constants, withinGroup), filter)
        .cast(SparkTypes.of(call.getType()));
  }

  /** The value of an input field that its project sets to a constant (a fraction, a separator), or null. */
  private static Object constant(RelNode input, int field) {
    if (input instanceof Project project && project.getProjects().get(field) instanceof RexLiteral literal) {
      return Literals.toJava(literal);
    }
    return null;
  }

  /**
   * GROUPING(a, b, ...): a bit per argument, the first the most significant,
   * set when the argument is rolled up. Spark's grouping_id() holds one such
   * bit per key of the whole GROUP BY, in key order; each argument's bit is
   * picked out of it and moved to the argument's place.
   */
  private static Column grouping(Aggregate aggregate, List<Integer> argFields) {
    if (aggregate.getGroupType() == Aggregate.Group.SIMPLE) {
      return functions.lit(0L);
    }
    List<Integer> keyFields = aggregate.getGroupSet().asList();
    Column groupingId = functions.grouping_id().cast("bigint");
    Column result = functions.lit(0L);
    for (int j = 0; j < argFields.size(); j++) {
      int keyBit = keyFields.size() - 1 - keyFields.indexOf(argFields.get(j));
      Column rolledUp = functions.shiftright(groupingId, keyBit).bitwiseAND(1L);
      result = result.bitwiseOR(functions.shiftleft(rolledUp, argFields.size() - 1 - j));
    }
    return result;
  }

}
