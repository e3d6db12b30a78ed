package io.faisca.tpch;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * One TPC-H column with the specification's type: identifiers INTEGER (order
 * keys BIGINT, so any scale factor fits), money and quantities DECIMAL(15,2),
 * dates DATE, text VARCHAR. Every column is NOT NULL.
 */
final class TpchColumnSpec<E extends TpchEntity> {
  private final TpchColumn<E> column;
  private final Kind kind;

  private enum Kind { BIGINT, INTEGER, DECIMAL, DATE, VARCHAR }

  TpchColumnSpec(TpchColumn<E> column) {
    this.column = column;
    this.kind = kindOf(column);
  }

  private static Kind kindOf(TpchColumn<?> column) {
    switch (column.getType().getBase()) {
      case IDENTIFIER:
        return column.getColumnName().endsWith("_orderkey") ? Kind.BIGINT : Kind.INTEGER;
      case INTEGER:
        return Kind.INTEGER;
      case DOUBLE:
        return Kind.DECIMAL;
      case DATE:
        return Kind.DATE;
      case VARCHAR:
        return Kind.VARCHAR;
      default:
        throw new IllegalArgumentException("unexpected TPC-H column type " + column.getType());
    }
  }

  String name() {
    return column.getColumnName();
  }

  Type parquetType() {
    switch (kind) {
      case BIGINT:
        return Types.required(PrimitiveTypeName.INT64).named(name());
      case INTEGER:
        return Types.required(PrimitiveTypeName.INT32).named(name());
      case DECIMAL:
        return Types.required(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.decimalType(2, 15)).named(name());
      case DATE:
        return Types.required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(name());
      default:
        return Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name());
    }
  }

  void write(RecordConsumer consumer, E row) {
    switch (kind) {
      case BIGINT:
        consumer.addLong(column.getIdentifier(row));
        break;
      case INTEGER:
        consumer.addInteger(column.getType().getBase() == io.trino.tpch.TpchColumnType.Base.IDENTIFIER
            ? Math.toIntExact(column.getIdentifier(row)) : column.getInteger(row));
        break;
      case DECIMAL:
        // The generator produces whole cents; doubles only carry them.
        consumer.addLong(Math.round(column.getDouble(row) * 100));
        break;
      case DATE:
        consumer.addInteger(column.getDate(row));
        break;
      default:
        consumer.addBinary(Binary.fromString(column.getString(row)));
        break;
    }
  }
}
