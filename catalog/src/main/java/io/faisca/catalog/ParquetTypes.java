package io.faisca.catalog;

import java.util.Optional;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Maps Parquet column types to SQL types. Timestamps follow Spark: an instant
 * (UTC-adjusted, or INT96) is TIMESTAMP WITH LOCAL TIME ZONE, a wall-clock
 * time is TIMESTAMP.
 */
final class ParquetTypes {
  private ParquetTypes() {
  }

  /** The SQL column for a top-level Parquet field, or empty when Faísca cannot read that type yet. */
  static Optional<ColumnMetadata> toColumn(Type field) {
    if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
      return Optional.empty();
    }
    PrimitiveType primitive = field.asPrimitiveType();
    boolean nullable = !field.isRepetition(Type.Repetition.REQUIRED);
    String name = field.getName();
    LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return Optional.of(ColumnMetadata.decimal(name, decimal.getPrecision(), decimal.getScale(), nullable));
    }
    return sqlType(primitive.getPrimitiveTypeName(), logical)
        .map(type -> ColumnMetadata.of(name, type, nullable));
  }

  private static Optional<SqlTypeName> sqlType(
      PrimitiveType.PrimitiveTypeName physical, LogicalTypeAnnotation logical) {
    switch (physical) {
      case BOOLEAN:
        return Optional.of(SqlTypeName.BOOLEAN);
      case INT32:
        return int32(logical);
      case INT64:
        return int64(logical);
      case INT96:
        // Impala and older Spark wrote instants this way.
        return Optional.of(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
      case FLOAT:
        return Optional.of(SqlTypeName.REAL);
      case DOUBLE:
        return Optional.of(SqlTypeName.DOUBLE);
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        return binary(logical);
      default:
        return Optional.empty();
    }
  }

  private static Optional<SqlTypeName> int32(LogicalTypeAnnotation logical) {
    if (logical == null) {
      return Optional.of(SqlTypeName.INTEGER);
    }
    if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return Optional.of(SqlTypeName.DATE);
    }
    if (logical instanceof IntLogicalTypeAnnotation integer) {
      if (!integer.isSigned()) {
        return Optional.of(integer.getBitWidth() == 32 ? SqlTypeName.BIGINT : SqlTypeName.INTEGER);
      }
      switch (integer.getBitWidth()) {
        case 8:
          return Optional.of(SqlTypeName.TINYINT);
        case 16:
          return Optional.of(SqlTypeName.SMALLINT);
        default:
          return Optional.of(SqlTypeName.INTEGER);
      }
    }
    return Optional.empty();
  }

  private static Optional<SqlTypeName> int64(LogicalTypeAnnotation logical) {
    if (logical == null) {
      return Optional.of(SqlTypeName.BIGINT);
    }
    if (logical instanceof IntLogicalTypeAnnotation integer && integer.isSigned()) {
      return Optional.of(SqlTypeName.BIGINT);
    }
    if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp
        && timestamp.getUnit() != LogicalTypeAnnotation.TimeUnit.NANOS) {
      // An instant (UTC-adjusted) is Spark's TIMESTAMP; a wall-clock time is TIMESTAMP_NTZ.
      return Optional.of(timestamp.isAdjustedToUTC()
          ? SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE : SqlTypeName.TIMESTAMP);
    }
    return Optional.empty();
  }

  private static Optional<SqlTypeName> binary(LogicalTypeAnnotation logical) {
    if (logical == null) {
      return Optional.of(SqlTypeName.VARBINARY);
    }
    if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
      return Optional.of(SqlTypeName.VARCHAR);
    }
    return Optional.empty();
  }
}
