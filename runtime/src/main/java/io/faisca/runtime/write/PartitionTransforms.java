package io.faisca.runtime.write;

import io.faisca.runtime.lower.ColumnNames;
import io.faisca.runtime.lower.TimestampMicros;
import java.math.BigDecimal;
import org.apache.iceberg.Schema;
import org.apache.iceberg.transforms.PartitionSpecVisitor;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Iceberg's partition transforms as Spark expressions over a table's
 * columns, each giving the value Iceberg's transform gives: years, months
 * and hours since 1970 (dates and instants in UTC), days as a DATE, buckets
 * by Iceberg's own hash, truncation toward negative infinity for numbers
 * and to code points for text.
 */
final class PartitionTransforms implements PartitionSpecVisitor<Column> {
  private static final int EPOCH_YEAR = 1970;

  private final Schema schema;

  PartitionTransforms(Schema schema) {
    this.schema = schema;
  }

  @Override public Column identity(String sourceName, int sourceId) {
    return ColumnNames.ref(sourceName);
  }

  @Override public Column year(String sourceName, int sourceId) {
    return functions.year(date(sourceName, sourceId)).minus(EPOCH_YEAR);
  }

  @Override public Column month(String sourceName, int sourceId) {
    Column date = date(sourceName, sourceId);
    return functions.year(date).minus(EPOCH_YEAR).multiply(12).plus(functions.month(date)).minus(1);
  }

  @Override public Column day(String sourceName, int sourceId) {
    return date(sourceName, sourceId);
  }

  @Override public Column hour(String sourceName, int sourceId) {
    return TimestampMicros.floorDiv(micros(sourceName, sourceId), TimestampMicros.PER_HOUR).cast(DataTypes.IntegerType);
  }

  @Override public Column bucket(String sourceName, int sourceId, int numBuckets) {
    Type type = schema.findType(sourceId);
    Column value = switch (type.typeId()) {
      case DATE -> functions.unix_date(ColumnNames.ref(sourceName));
      case TIMESTAMP -> micros(sourceName, sourceId);
      default -> ColumnNames.ref(sourceName);
    };
    return IcebergBucket.of(value, type, numBuckets);
  }

  @Override public Column truncate(String sourceName, int sourceId, int width) {
    Column value = ColumnNames.ref(sourceName);
    Type type = schema.findType(sourceId);
    return switch (type.typeId()) {
      case INTEGER -> wrapped(value.cast(DataTypes.LongType), width, 32).cast(DataTypes.IntegerType);
      case LONG -> wrapped(value.cast(DataTypes.createDecimalType(20, 0)), width, 64).cast(DataTypes.LongType);
      case DECIMAL -> value.minus(functions.pmod(value,
          functions.lit(BigDecimal.valueOf(width, ((Types.DecimalType) type).scale()))));
      // Spark counts a string's characters as code points, as Iceberg truncates it; binary in bytes.
      default -> functions.substring(value, 1, width);
    };
  }

  /**
   * {@code value - pmod(value, width)} for a {@code bits}-bit integer, computed in a wider type ({@code
   * value} is widened already) and wrapped around as Iceberg's Java arithmetic wraps it: within {@code
   * width} of the type's smallest value, Iceberg's truncation overflows to a large positive value, and so
   * does this one.
   */
  private static Column wrapped(Column value, int width, int bits) {
    BigDecimal range = BigDecimal.valueOf(2).pow(bits);
    Column truncated = value.minus(functions.pmod(value, functions.lit(width)));
    Column smallest = functions.lit(range.negate().divide(BigDecimal.valueOf(2)));
    return functions.when(truncated.lt(smallest), truncated.plus(functions.lit(range))).otherwise(truncated);
  }

  /** The UTC date of a timestamp, or a date column itself. */
  private Column date(String sourceName, int sourceId) {
    Column value = ColumnNames.ref(sourceName);
    Type type = schema.findType(sourceId);
    if (type.typeId() == Type.TypeID.DATE) {
      return value;
    }
    if (((Types.TimestampType) type).shouldAdjustToUTC()) {
      Column days = TimestampMicros.floorDiv(functions.unix_micros(value), TimestampMicros.PER_DAY);
      return functions.date_from_unix_date(days.cast(DataTypes.IntegerType));
    }
    return value.cast(DataTypes.DateType);
  }

  private Column micros(String sourceName, int sourceId) {
    Types.TimestampType type = (Types.TimestampType) schema.findType(sourceId);
    return TimestampMicros.of(ColumnNames.ref(sourceName), type.shouldAdjustToUTC());
  }
}
