package io.faisca.catalog;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A column as the catalog sees it, independent of any type factory.
 *
 * @param name the name in the files (and in SQL)
 * @param type the SQL type
 * @param precision precision, or {@link RelDataType#PRECISION_NOT_SPECIFIED}
 * @param scale scale, or {@link RelDataType#SCALE_NOT_SPECIFIED}
 * @param nullable whether the column may hold NULL
 * @param partitionKey whether values come from {@code key=value} directory names
 * @param statistics what the footers say about its values
 * @param fieldId the Iceberg field id of a managed table's column: its files are read by id, not by
 *     name, so a renamed column keeps its values and a dropped one never comes back
 */
public record ColumnMetadata(
    String name,
    SqlTypeName type,
    int precision,
    int scale,
    boolean nullable,
    boolean partitionKey,
    ColumnStatistics statistics,
    OptionalInt fieldId) {

  public ColumnMetadata {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(statistics, "statistics");
    requireNonNull(fieldId, "fieldId");
  }

  /** A column of raw files, read by name. */
  public ColumnMetadata(String name, SqlTypeName type, int precision, int scale, boolean nullable,
      boolean partitionKey, ColumnStatistics statistics) {
    this(name, type, precision, scale, nullable, partitionKey, statistics, OptionalInt.empty());
  }

  public static ColumnMetadata of(String name, SqlTypeName type, boolean nullable) {
    return new ColumnMetadata(name, type, RelDataType.PRECISION_NOT_SPECIFIED,
        RelDataType.SCALE_NOT_SPECIFIED, nullable, false, ColumnStatistics.UNKNOWN);
  }

  public static ColumnMetadata decimal(String name, int precision, int scale, boolean nullable) {
    return new ColumnMetadata(name, SqlTypeName.DECIMAL, precision, scale, nullable, false,
        ColumnStatistics.UNKNOWN);
  }

  public ColumnMetadata withStatistics(ColumnStatistics newStatistics) {
    return new ColumnMetadata(name, type, precision, scale, nullable, partitionKey, newStatistics, fieldId);
  }

  public ColumnMetadata withNullable(boolean newNullable) {
    return new ColumnMetadata(name, type, precision, scale, newNullable, partitionKey, statistics, fieldId);
  }

  public ColumnMetadata withFieldId(int id) {
    return new ColumnMetadata(name, type, precision, scale, nullable, partitionKey, statistics, OptionalInt.of(id));
  }

  public RelDataType toRelDataType(RelDataTypeFactory typeFactory) {
    RelDataType base;
    if (precision == RelDataType.PRECISION_NOT_SPECIFIED) {
      base = typeFactory.createSqlType(type);
    } else if (scale == RelDataType.SCALE_NOT_SPECIFIED) {
      base = typeFactory.createSqlType(type, precision);
    } else {
      base = typeFactory.createSqlType(type, precision, scale);
    }
    return typeFactory.createTypeWithNullability(base, nullable);
  }

  /** The type as SQL spells it, for messages, metadata and statements that recreate a table. */
  public String typeName() {
    if (type == SqlTypeName.DECIMAL) {
      return "DECIMAL(" + precision + ", " + scale + ")";
    }
    if (type == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      return "TIMESTAMP WITH LOCAL TIME ZONE";
    }
    return type.getName();
  }
}
