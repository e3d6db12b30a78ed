package io.faisca.runtime;

import io.faisca.catalog.ColumnMetadata;
import io.faisca.catalog.ManagedTables;
import io.faisca.catalog.Relation;
import io.faisca.catalog.TableName;
import io.faisca.catalog.ViewDefinition;
import io.faisca.catalog.Warehouse;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.parser.Identifiers;
import io.faisca.parser.ddl.SqlShowCreateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.types.Types;

/**
 * {@code SHOW CREATE TABLE t}: the statement that creates the table (its
 * columns, types and {@code NOT NULL}s, partitioning, file format and, when
 * {@code LOCATION} placed it, its directory; not its {@code WITH} properties)
 * or the view (its columns and query)
 * again. A raw table is a directory of files that no statement creates: for
 * one, the answer is an error saying so.
 */
final class CreateStatements {
  private static final RelDataType STATEMENT = new ResultColumns()
      .required("statement", SqlTypeName.VARCHAR)
      .build();

  private CreateStatements() {
  }

  static CatalogQuery show(String sql, SqlShowCreateTable show, Warehouse warehouse) {
    return CatalogQuery.of(sql, STATEMENT, () -> {
      Relation relation = CatalogNames.existing(warehouse, show.name);
      return List.<Object[]>of(new Object[] {statement(relation, warehouse)});
    });
  }

  private static String statement(Relation relation, Warehouse warehouse) {
    TableName name = relation.name();
    return switch (relation.kind()) {
      case MANAGED_TABLE -> table(relation, warehouse);
      case VIEW -> view(warehouse.view(name).orElseThrow(() -> new FaiscaException(ErrorCode.TABLE_NOT_FOUND,
          "View '" + name + "' was dropped")));
      case RAW_TABLE -> throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Table '" + name + "' is a directory"
          + " of data files in the warehouse, read as a table: no statement creates it");
    };
  }

  private static String table(Relation relation, Warehouse warehouse) {
    TableName name = relation.name();
    Table table = warehouse.managedTables().load(name)
        .orElseThrow(() -> new FaiscaException(ErrorCode.TABLE_NOT_FOUND, "Table '" + name + "' was dropped"));
    List<String> elements = new ArrayList<>();
    warehouse.columns(relation).forEach(column -> elements.add(Identifiers.sql(column.name()) + " "
        + column.typeName() + (column.nullable() ? "" : " NOT NULL")));
    Set<String> key = table.schema().identifierFieldNames();
    if (!key.isEmpty()) {
      elements.add("PRIMARY KEY (" + table.schema().columns().stream().map(Types.NestedField::name)
          .filter(key::contains).map(Identifiers::sql).collect(Collectors.joining(", ")) + ")");
    }
    return "CREATE TABLE " + sql(name) + " (\n  " + String.join(",\n  ", elements) + "\n)"
        + clauses(warehouse.managedTables(), table);
  }

  /** PARTITIONED BY, STORED AS and LOCATION, where the table has them. */
  private static String clauses(ManagedTables tables, Table table) {
    StringBuilder clauses = new StringBuilder();
    if (table.spec().isPartitioned()) {
      clauses.append("\nPARTITIONED BY (").append(table.spec().fields().stream()
          .map(field -> partitioning(field, Identifiers.sql(table.schema().findColumnName(field.sourceId()))))
          .collect(Collectors.joining(", "))).append(")");
    }
    String format = table.properties().getOrDefault(TableProperties.DEFAULT_FILE_FORMAT, "parquet");
    if (!format.equalsIgnoreCase("parquet")) {
      clauses.append("\nSTORED AS ").append(format.toUpperCase(Locale.ROOT));
    }
    if (!tables.atDefaultLocation(table)) {
      clauses.append("\nLOCATION '").append(table.location().replace("'", "''")).append("'");
    }
    return clauses.toString();
  }

  /** A partition field as PARTITIONED BY writes it: {@code c}, {@code month(c)}, {@code bucket(16, c)}... */
  private static String partitioning(PartitionField field, String column) {
    String transform = field.transform().toString();
    if (transform.equals("identity")) {
      return column;
    }
    int bracket = transform.indexOf('[');
    return bracket < 0 ? transform + "(" + column + ")"
        : transform.substring(0, bracket) + "(" + transform.substring(bracket + 1, transform.length() - 1) + ", "
            + column + ")";
  }

  private static String view(ViewDefinition view) {
    if (!view.readable()) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "View '" + view.name() + "' was defined in the SQL"
          + " dialect '" + view.dialect() + "' by another engine, not in Faísca's");
    }
    return "CREATE VIEW " + sql(view.name()) + " (" + view.columns().stream().map(ColumnMetadata::name)
        .map(Identifiers::sql).collect(Collectors.joining(", ")) + ") AS\n" + view.sql();
  }

  /** Qualified outside the default schema, where an unqualified name would not find it. */
  private static String sql(TableName name) {
    return name.inDefaultSchema() ? Identifiers.sql(name.name())
        : Identifiers.sql(name.schema()) + "." + Identifiers.sql(name.name());
  }
}
