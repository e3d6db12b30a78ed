package io.faisca.jdbc.meta;

import io.faisca.catalog.ColumnMetadata;
import io.faisca.catalog.Relation;
import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import io.faisca.planner.FaiscaTypeSystem;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Answers DatabaseMetaData questions from the warehouse catalog: names from
 * the Iceberg catalog and directory listings, columns from Iceberg schemas,
 * views' stored columns and Parquet footers. No Spark job runs.
 */
final class Catalog {
  static final String TABLE_TYPE = "TABLE";
  static final String VIEW_TYPE = "VIEW";
  private static final SqlTypeFactoryImpl TYPES = new SqlTypeFactoryImpl(FaiscaTypeSystem.INSTANCE);

  private final Warehouse warehouse;

  Catalog(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  List<MetaImpl.MetaSchema> schemas(Meta.Pat schemaPattern) {
    return warehouse.schemaNames().stream().filter(matches(schemaPattern))
        .map(schema -> new MetaImpl.MetaSchema(null, schema)).toList();
  }

  /** Tables and views, ordered by type, schema and name as JDBC asks. */
  List<MetaImpl.MetaTable> tables(Meta.Pat schemaPattern, Meta.Pat tablePattern, List<String> types) {
    List<MetaImpl.MetaTable> tables = new ArrayList<>();
    for (Relation relation : relations(schemaPattern, tablePattern)) {
      String type = type(relation);
      if (types == null || types.contains(type)) {
        tables.add(new MetaImpl.MetaTable(null, relation.name().schema(), relation.name().name(), type));
      }
    }
    tables.sort(Comparator.comparing((MetaImpl.MetaTable table) -> table.tableType)
        .thenComparing(table -> table.tableSchem).thenComparing(table -> table.tableName));
    return tables;
  }

  /** Columns, ordered by schema, table and position as JDBC asks. */
  List<MetaImpl.MetaColumn> columns(Meta.Pat schemaPattern, Meta.Pat tablePattern, Meta.Pat columnPattern) {
    List<MetaImpl.MetaColumn> columns = new ArrayList<>();
    for (Relation relation : relations(schemaPattern, tablePattern)) {
      int ordinal = 0;
      for (ColumnMetadata column : warehouse.columns(relation)) {
        ordinal++;
        if (matches(columnPattern).test(column.name())) {
          columns.add(column(relation.name(), column, ordinal));
        }
      }
    }
    return columns;
  }

  private List<Relation> relations(Meta.Pat schemaPattern, Meta.Pat tablePattern) {
    List<Relation> relations = new ArrayList<>();
    for (String schema : warehouse.schemaNames()) {
      if (matches(schemaPattern).test(schema)) {
        warehouse.relations(schema).stream().filter(relation -> matches(tablePattern).test(relation.name().name()))
            .forEach(relations::add);
      }
    }
    return relations;
  }

  /** Raw directories are tables too: read-only ones, which JDBC has no type for. */
  private static String type(Relation relation) {
    return relation.kind() == Relation.Kind.VIEW ? VIEW_TYPE : TABLE_TYPE;
  }

  private static MetaImpl.MetaColumn column(TableName table, ColumnMetadata column, int ordinal) {
    RelDataType type = column.toRelDataType(TYPES);
    boolean text = type.getSqlTypeName() == SqlTypeName.VARCHAR || type.getSqlTypeName() == SqlTypeName.CHAR;
    return new MetaImpl.MetaColumn(null, table.schema(), table.name(), column.name(),
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
