package io.faisca.runtime;

import io.faisca.catalog.Relation;
import io.faisca.catalog.Warehouse;
import io.faisca.catalog.WarehouseSchema;
import io.faisca.parser.ddl.SqlShowTables;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/** {@code SHOW SCHEMAS} and {@code SHOW TABLES}: names, from the catalog and the warehouse's listing. */
final class CatalogListings {
  private static final RelDataType SCHEMAS = new ResultColumns()
      .required("schema_name", SqlTypeName.VARCHAR)
      .build();
  private static final RelDataType TABLES = new ResultColumns()
      .required("schema_name", SqlTypeName.VARCHAR)
      .required("table_name", SqlTypeName.VARCHAR)
      .required("table_type", SqlTypeName.VARCHAR)
      .build();

  private CatalogListings() {
  }

  static CatalogQuery schemas(String sql, Warehouse warehouse) {
    return CatalogQuery.of(sql, SCHEMAS, () -> warehouse.schemaNames().stream()
        .map(name -> new Object[] {name}).toList());
  }

  /** The tables and views of the schema named, or of the default schema. */
  static CatalogQuery tables(String sql, SqlShowTables show, Warehouse warehouse) {
    return CatalogQuery.of(sql, TABLES, () -> {
      String schema = show.schema().map(name -> CatalogNames.schema(warehouse, name.getSimple()))
          .orElse(WarehouseSchema.NAME);
      return warehouse.relations(schema).stream().map(CatalogListings::row).toList();
    });
  }

  private static Object[] row(Relation relation) {
    return new Object[] {relation.name().schema(), relation.name().name(), type(relation.kind())};
  }

  /** A managed table, a directory of files read as a table (read-only), or a view. */
  private static String type(Relation.Kind kind) {
    return switch (kind) {
      case MANAGED_TABLE -> "TABLE";
      case RAW_TABLE -> "RAW TABLE";
      case VIEW -> "VIEW";
    };
  }
}
