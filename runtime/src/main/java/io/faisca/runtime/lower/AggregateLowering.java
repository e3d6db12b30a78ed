package io.faisca.runtime.lower;

import io.faisca.planner.physical.SparkAggregate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import scala.jdk.javaapi.CollectionConverters;

/**
 * GROUP BY: Spark's groupBy, rollup, cube or groupingSets over the key
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

  private static RelationalGroupedDataset grouped(Aggregate aggregate, Dataset<Row> input, List<Column> keys) {
    Column[] keyArray = keys.toArray(Column[]::new);
    switch (aggregate.getGroupType()) {
      case SIMPLE:
        return input.groupBy(keyArray);
      case ROLLUP:
        return input.rollup(keyArray);
      case CUBE:
        return input.cube(keyArray);
      default:
        List<Integer> keyFields = aggregate.getGroupSet().asList();
        List<scala.collection.immutable.Seq<Column>> sets = new ArrayList<>();
        for (ImmutableBitSet set : aggregate.getGroupSets()) {
          List<Column> columns = set.asList().stream().map(f -> keys.get(keyFields.indexOf(f))).toList();
          sets.add(CollectionConverters.asScala(columns).toList());
        }
        return input.groupingSets(CollectionConverters.asScala(sets).toList(), keyArray);
    }
  }

  private static Column aggregateColumn(Aggregate aggregate, AggregateCall call, String[] inputNames) {
    List<Column> args = call.getArgList().stream().map(i -> ColumnNames.ref(inputNames[i])).toList();
    if (call.getAggregation().getKind() == SqlKind.GROUPING
        || call.getAggregation().getKind() == SqlKind.GROUPING_ID) {
      return grouping(aggregate, args);
    }
    Column filter = call.filterArg >= 0 ? ColumnNames.ref(inputNames[call.filterArg]) : null;
    return AggregateFunctions.lower(call, args, filter).cast(SparkTypes.of(call.getType()));
  }

  /** GROUPING(a, b, ...): a bit per argument, set when the argument is rolled up. */
  private static Column grouping(Aggregate aggregate, List<Column> args) {
    if (aggregate.getGroupType() == Aggregate.Group.SIMPLE) {
      return functions.lit(0L);
    }
    return functions.grouping_id(args.toArray(Column[]::new)).cast("bigint");
  }

}
