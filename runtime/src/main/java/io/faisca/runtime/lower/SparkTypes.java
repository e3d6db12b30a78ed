package io.faisca.runtime.lower;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The Spark type for each SQL type Calcite derives. */
public final class SparkTypes {
  private SparkTypes() {
  }

  public static DataType of(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case BOOLEAN:
        return DataTypes.BooleanType;
      case TINYINT:
        return DataTypes.ByteType;
      case SMALLINT:
        return DataTypes.ShortType;
      case INTEGER:
        return DataTypes.IntegerType;
      case BIGINT:
        return DataTypes.LongType;
      case DECIMAL:
        return DataTypes.createDecimalType(type.getPrecision(), type.getScale());
      case REAL:
        return DataTypes.FloatType;
      case FLOAT:
      case DOUBLE:
        return DataTypes.DoubleType;
      case CHAR:
      case VARCHAR:
        return DataTypes.StringType;
      case BINARY:
      case VARBINARY:
        return DataTypes.BinaryType;
      case DATE:
        return DataTypes.DateType;
      case TIMESTAMP:
        return DataTypes.TimestampNTZType;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return DataTypes.TimestampType;
      case NULL:
        return DataTypes.NullType;
      case INTERVAL_YEAR:
      case INTERVAL_YEAR_MONTH:
      case INTERVAL_MONTH:
        return DataTypes.createYearMonthIntervalType();
      case INTERVAL_DAY:
      case INTERVAL_DAY_HOUR:
      case INTERVAL_DAY_MINUTE:
      case INTERVAL_DAY_SECOND:
      case INTERVAL_HOUR:
      case INTERVAL_HOUR_MINUTE:
      case INTERVAL_HOUR_SECOND:
      case INTERVAL_MINUTE:
      case INTERVAL_MINUTE_SECOND:
      case INTERVAL_SECOND:
        return DataTypes.createDayTimeIntervalType();
      default:
        throw new FaiscaException(ErrorCode.NOT_SUPPORTED,
            "Faísca cannot compute values of type " + type.getFullTypeString() + " yet");
    }
  }

  /** A Spark schema for a row type, every field nullable as file sources are. */
  public static StructType struct(RelDataType rowType) {
    StructField[] fields = new StructField[rowType.getFieldCount()];
    int i = 0;
    for (RelDataTypeField field : rowType.getFieldList()) {
      fields[i++] = DataTypes.createStructField(field.getName(), of(field.getType()), true);
    }
    return DataTypes.createStructType(fields);
  }
}
