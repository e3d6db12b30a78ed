package io.faisca.runtime.lower;

import io.faisca.planner.physical.SparkValues;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexLiteral;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Literal rows become a small Dataset built on the driver. */
final class ValuesLowering {
  private ValuesLowering() {
  }

  static Dataset<Row> lower(SparkValues values, LoweringContext context) {
    StructType schema = SparkTypes.struct(values.getRowType());
    List<Row> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : values.getTuples()) {
      rows.add(RowFactory.create(tuple.stream().map(Literals::toJava).toArray()));
    }
    return context.spark().createDataFrame(rows, schema)
        .toDF(ColumnNames.of(values.getRowType()).toArray(String[]::new));
  }
}
