package io.faisca.jdbc.meta;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.spark.sql.Row;

/** Spark rows to the values Avatica frames carry. */
final class RowConverter {
  private RowConverter() {
  }

  static Object[] toFrameRow(Row row) {
    Object[] values = new Object[row.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = toFrameValue(row.get(i));
    }
    return values;
  }

  static Object toFrameValue(Object value) {
    if (value instanceof LocalDate date) {
      return (int) date.toEpochDay();
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    if (value instanceof Instant instant) {
      return instant.toEpochMilli();
    }
    if (value instanceof byte[] bytes) {
      return new ByteString(bytes);
    }
    return value;
  }

  /**
   * A parameter value as sent by a client (Avatica's local form: days for dates,
   * milliseconds for timestamps) in the form the engine binds: java.time values.
   */
  static List<Object> toEngineParameters(List<Object> local, RelDataType parameterType) {
    List<RelDataTypeField> fields = parameterType.getFieldList();
    Object[] values = new Object[local.size()];
    for (int i = 0; i < values.length; i++) {
      Object value = local.get(i);
      RelDataType type = i < fields.size() ? fields.get(i).getType() : null;
      values[i] = type == null ? value : toEngineValue(value, type);
    }
    return java.util.Arrays.asList(values);
  }

  private static Object toEngineValue(Object value, RelDataType type) {
    if (value == null) {
      return null;
    }
    switch (type.getSqlTypeName()) {
      case DATE:
        return value instanceof Number days ? LocalDate.ofEpochDay(days.longValue()) : value;
      case TIMESTAMP:
        return value instanceof Number millis
            ? LocalDateTime.ofInstant(Instant.ofEpochMilli(millis.longValue()), ZoneOffset.UTC) : value;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return value instanceof Number millis ? Instant.ofEpochMilli(millis.longValue()) : value;
      case DECIMAL:
        return value instanceof Number number && !(value instanceof BigDecimal)
            ? new BigDecimal(number.toString()) : value;
      case VARBINARY:
      case BINARY:
        return value instanceof ByteString bytes ? bytes.getBytes() : value;
      default:
        return value;
    }
  }
}
