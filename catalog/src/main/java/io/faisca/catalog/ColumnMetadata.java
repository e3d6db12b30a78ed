package io.faisca.catalog;

import static java.util.Objects.requireNonNull;

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
 */
public record ColumnMetadata(
    String name,
    SqlTypeName type,
    int precision,
    int scale,
    boolean nullable,
    boolean partitionKey,
    ColumnStatistics statistics) {

  public ColumnMetadata {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(statistics, "statistics");
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
    return new ColumnMetadata(name, type, precision, scale, nullable, partitionKey, newStatistics);
  }

  public ColumnMetadata withNullable(boolean newNullable) {
    return new ColumnMetadata(name, type, precision, scale, newNullable, partitionKey, statistics);
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

  /** The type as SQL spells it, for messages and metadata. */
  public String typeName() {
    if (type == SqlTypeName.DECIMAL) {
      return "DECIMAL(" + precision + ", " + scale + ")";
    }
    return type.getName();
  }
}
