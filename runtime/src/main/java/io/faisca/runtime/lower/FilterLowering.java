package io.faisca.runtime.lower;

import io.faisca.planner.physical.SparkFilter;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A filter is a Spark where; Spark keeps only rows whose condition is TRUE, as SQL does. */
final class FilterLowering {
  private FilterLowering() {
  }

  static Dataset<Row> lower(SparkFilter filter, Dataset<Row> input, LoweringContext context) {
    RexToColumn rex = new RexToColumn(Arrays.asList(input.columns()), context);
    return input.filter(rex.lower(filter.getCondition()));
  }
}
