package io.faisca.runtime.lower;

import io.faisca.planner.physical.SparkValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
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
    List<RelDataTypeField> columns = values.getRowType().getFieldList();
    for (List<RexLiteral> tuple : values.getTuples()) {
      Object[] row = new Object[tuple.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = asColumnType(Literals.toJava(tuple.get(i)), columns.get(i).getType());
      }
      rows.add(RowFactory.create(row));
    }
    return context.spark().createDataFrame(rows, schema)
        .toDF(ColumnNames.of(values.getRowType()).toArray(String[]::new));
  }

  /**
   * A number in the representation of its column's type: a column's literals keep their own types (0.5 is
   * DECIMAL, 1e300 DOUBLE) while the column has the type that holds them all.
   */
  private static Object asColumnType(Object value, RelDataType column) {
    if (!(value instanceof Number number)) {
      return value;
    }
    return switch (column.getSqlTypeName()) {
      case TINYINT -> number.byteValue();
      case SMALLINT -> number.shortValue();
      case INTEGER -> number.intValue();
      case BIGINT -> number.longValue();
      case REAL -> number.floatValue();
      case FLOAT, DOUBLE -> number.doubleValue();
      case DECIMAL -> new BigDecimal(number.toString()).setScale(column.getScale(), RoundingMode.HALF_UP);
      default -> value;
    };
  }
}
