package io.faisca.jdbc.meta;

import io.faisca.catalog.ColumnMetadata;
import io.faisca.catalog.TableMetadata;
import io.faisca.catalog.Warehouse;
import io.faisca.catalog.WarehouseSchema;
import io.faisca.planner.FaiscaTypeSystem;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Answers DatabaseMetaData questions from the warehouse catalog: names from
 * directory listings, columns from Parquet footers. No Spark job runs.
 */
final class Catalog {
  static final String TABLE_TYPE = "TABLE";
  private static final SqlTypeFactoryImpl TYPES = new SqlTypeFactoryImpl(FaiscaTypeSystem.INSTANCE);

  private final Warehouse warehouse;

  Catalog(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  List<MetaImpl.MetaSchema> schemas(Meta.Pat schemaPattern) {
    List<MetaImpl.MetaSchema> schemas = new ArrayList<>();
    if (matches(schemaPattern).test(WarehouseSchema.NAME)) {
      schemas.add(new MetaImpl.MetaSchema(null, WarehouseSchema.NAME));
    }
    return schemas;
  }

  List<MetaImpl.MetaTable> tables(Meta.Pat schemaPattern, Meta.Pat tablePattern, List<String> types) {
    List<MetaImpl.MetaTable> tables = new ArrayList<>();
    if (!matches(schemaPattern).test(WarehouseSchema.NAME) || types != null && !types.contains(TABLE_TYPE)) {
      return tables;
    }
    for (String name : warehouse.tableNames()) {
      if (matches(tablePattern).test(name)) {
        tables.add(new MetaImpl.MetaTable(null, WarehouseSchema.NAME, name, TABLE_TYPE));
      }
    }
    return tables;
  }

  List<MetaImpl.MetaColumn> columns(Meta.Pat schemaPattern, Meta.Pat tablePattern, Meta.Pat columnPattern) {
    List<MetaImpl.MetaColumn> columns = new ArrayList<>();
    for (MetaImpl.MetaTable table : tables(schemaPattern, tablePattern, null)) {
      Optional<TableMetadata> metadata = warehouse.table(table.tableName);
      if (metadata.isEmpty()) {
        continue;
      }
      int ordinal = 0;
      for (ColumnMetadata column : metadata.get().columns()) {
        ordinal++;
        if (matches(columnPattern).test(column.name())) {
          columns.add(column(table.tableName, column, ordinal));
        }
      }
    }
    return columns;
  }

  private static MetaImpl.MetaColumn column(String table, ColumnMetadata column, int ordinal) {
    RelDataType type = column.toRelDataType(TYPES);
    boolean text = type.getSqlTypeName() == SqlTypeName.VARCHAR || type.getSqlTypeName() == SqlTypeName.CHAR;
    return new MetaImpl.MetaColumn(null, WarehouseSchema.NAME, table, column.name(),
        Signatures.jdbcType(type), Signatures.typeName(type), columnSize(type),
        type.getSqlTypeName() == SqlTypeName.DECIMAL ? Integer.valueOf(type.getScale()) : null, 10,
        column.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        text ? columnSize(type) : null, ordinal, column.nullable() ? "YES" : "NO", "NO", "NO");
  }

  /** JDBC's COLUMN_SIZE: a number's precision (as getTypeInfo gives it), text's length, else the length as text. */
  private static Integer columnSize(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case REAL:
      case FLOAT:
      case DOUBLE:
      case DECIMAL:
        return type.getPrecision();
      case VARCHAR:
      case CHAR:
        return type.getPrecision() > 0 ? type.getPrecision() : Integer.MAX_VALUE;
      default:
        return Signatures.displaySize(type);
    }
  }

  private static Predicate<String> matches(Meta.Pat pattern) {
    if (pattern == null || pattern.s == null) {
      return name -> true;
    }
    return LikePattern.matcher(pattern.s)::apply;
  }
}
