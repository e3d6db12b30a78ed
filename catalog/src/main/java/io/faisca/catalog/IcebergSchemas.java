package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** The Iceberg schema that stores rows of a SQL row type. */
public final class IcebergSchemas {
  private IcebergSchemas() {
  }

  /** Columns in order, nullable as declared; Iceberg numbers them afresh when the table is created. */
  public static Schema of(RelDataType rowType) {
    List<Types.NestedField> fields = new ArrayList<>();
    for (RelDataTypeField field : rowType.getFieldList()) {
      Type type = type(field.getName(), field.getType());
      int id = fields.size() + 1;
      fields.add(field.getType().isNullable()
          ? Types.NestedField.optional(id, field.getName(), type)
          : Types.NestedField.required(id, field.getName(), type));
    }
    return new Schema(fields);
  }

  /**
   * The schema with a primary key: its columns are required, and they are the Iceberg identifier
   * fields, which other engines (Flink's upserts, Spark's {@code SET IDENTIFIER FIELDS}) read as the
   * key. Like Iceberg, Faísca does not check that keys are unique. No key leaves the schema as it is.
   */
  public static Schema withPrimaryKey(Schema schema, List<String> key) {
    if (key.isEmpty()) {
      return schema;
    }
    Set<Integer> ids = new LinkedHashSet<>();
    for (String column : key) {
      Types.NestedField field = schema.caseInsensitiveFindField(column);
      if (field == null) {
        throw new FaiscaException(ErrorCode.COLUMN_NOT_FOUND, "PRIMARY KEY names column '" + column
            + "', which the table does not have");
      }
      if (!ids.add(field.fieldId())) {
        throw new FaiscaException(ErrorCode.INVALID_QUERY, "PRIMARY KEY names column '" + column + "' twice");
      }
      if (field.type().typeId() == Type.TypeID.FLOAT || field.type().typeId() == Type.TypeID.DOUBLE) {
        throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Column '" + field.name() + "' cannot be in a PRIMARY"
            + " KEY: Iceberg keys are not floating-point numbers");
      }
    }
    List<Types.NestedField> fields = schema.columns().stream()
        .map(field -> ids.contains(field.fieldId()) ? field.asRequired() : field)
        .toList();
    return new Schema(fields, ids);
  }

  /** A column by name as SQL finds it: exactly, or else ignoring case. */
  public static Optional<Types.NestedField> column(Schema schema, String name) {
    Types.NestedField exact = schema.findField(name);
    return exact != null ? Optional.of(exact) : Optional.ofNullable(schema.caseInsensitiveFindField(name));
  }

  /** The columns a table of this schema reads as. */
  public static List<ColumnMetadata> columns(String table, Schema schema) {
    return schema.columns().stream().map(field -> ManagedTableLoader.column(table, field)).toList();
  }

  /**
   * The Iceberg type that stores a column's SQL type. Iceberg has no 8- or 16-bit integers: TINYINT
   * and SMALLINT are stored, and read back, as INTEGER.
   */
  static Type.PrimitiveType type(String column, RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case BOOLEAN -> Types.BooleanType.get();
      case TINYINT, SMALLINT, INTEGER -> Types.IntegerType.get();
      case BIGINT -> Types.LongType.get();
      case REAL -> Types.FloatType.get();
      case FLOAT, DOUBLE -> Types.DoubleType.get();
      case DECIMAL -> Types.DecimalType.of(type.getPrecision(), type.getScale());
      case CHAR, VARCHAR -> Types.StringType.get();
      case BINARY, VARBINARY -> Types.BinaryType.get();
      case DATE -> Types.DateType.get();
      case TIMESTAMP -> Types.TimestampType.withoutZone();
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> Types.TimestampType.withZone();
      default -> throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Column '" + column + "' has type "
          + type.getFullTypeString() + ", which a table cannot store yet");
    };
  }
}
