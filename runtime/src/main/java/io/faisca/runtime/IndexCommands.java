package io.faisca.runtime;

import io.faisca.catalog.IcebergSchemas;
import io.faisca.catalog.ManagedTables;
import io.faisca.catalog.TableIndexes;
import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import io.faisca.catalog.WarehouseSchema;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.parser.Identifiers;
import io.faisca.parser.ddl.SqlCreateIndex;
import io.faisca.parser.ddl.SqlDropIndex;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Types;

/**
 * {@code CREATE INDEX} and {@code DROP INDEX}: declarations kept with the table (see
 * {@link TableIndexes}), checked as a database checks them: the table and its columns exist, and an
 * index name is used once in a schema.
 */
final class IndexCommands {
  private IndexCommands() {
  }

  static Command create(String sql, SqlCreateIndex create, Warehouse warehouse) {
    if (create.getReplace()) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "CREATE OR REPLACE INDEX is not supported");
    }
    String index = create.name.getSimple();
    return TableCommands.command(sql, () -> {
      TableName name = CatalogNames.managedTable(warehouse, create.table, "CREATE INDEX");
      Table table = load(warehouse.managedTables(), name);
      Optional<Located> taken = locate(warehouse, name.schema(), index);
      if (taken.isPresent()) {
        if (create.ifNotExists) {
          return 0;
        }
        throw new FaiscaException(ErrorCode.TABLE_EXISTS, "Index '" + index + "' already exists (on '"
            + taken.get().name() + "')");
      }
      TableIndexes.add(table, name, index, definition(create, table, name));
      return 0;
    });
  }

  static Command drop(String sql, SqlDropIndex drop, Warehouse warehouse) {
    List<String> names = drop.name.names;
    if (names.size() > 2) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "'" + drop.name + "' is not a name of an index:"
          + " write schema.name, or name alone for the default schema");
    }
    String index = names.get(names.size() - 1);
    return TableCommands.command(sql, () -> {
      String schema = names.size() == 1 ? WarehouseSchema.NAME : CatalogNames.schema(warehouse, names.get(0));
      Optional<Located> found = locate(warehouse, schema, index);
      if (found.isEmpty()) {
        if (drop.ifExists) {
          return 0;
        }
        throw new FaiscaException(ErrorCode.TABLE_NOT_FOUND, "Index '" + drop.name + "' does not exist");
      }
      TableIndexes.remove(found.get().table(), found.get().name(), found.get().property());
      return 0;
    });
  }

  /** {@code [UNIQUE] (column [DESC], ...)}, with the columns as the table spells them. */
  private static String definition(SqlCreateIndex create, Table table, TableName name) {
    String columns = create.columns.stream().map(item -> {
      boolean descending = item instanceof SqlCall;
      SqlIdentifier column = descending ? ((SqlCall) item).operand(0) : (SqlIdentifier) item;
      return Identifiers.sql(field(table, name, column.getSimple()).name()) + (descending ? " DESC" : "");
    }).collect(Collectors.joining(", ", "(", ")"));
    return create.unique ? "UNIQUE " + columns : columns;
  }

  private static Types.NestedField field(Table table, TableName name, String column) {
    return IcebergSchemas.column(table.schema(), column).orElseThrow(() -> new FaiscaException(
        ErrorCode.COLUMN_NOT_FOUND, "Table '" + name + "' has no column '" + column + "'"));
  }

  /** The table of the schema that holds index {@code index}, if one does. */
  private static Optional<Located> locate(Warehouse warehouse, String schema, String index) {
    ManagedTables tables = warehouse.managedTables();
    for (String tableName : tables.names(schema)) {
      TableName name = new TableName(schema, tableName);
      Optional<Table> table = tables.load(name);
      Optional<String> property = table.flatMap(found -> TableIndexes.find(found, index));
      if (property.isPresent()) {
        return Optional.of(new Located(name, table.get(), property.get()));
      }
    }
    return Optional.empty();
  }

  private static Table load(ManagedTables tables, TableName name) {
    return tables.load(name).orElseThrow(() -> new FaiscaException(ErrorCode.TABLE_NOT_FOUND,
        "Table '" + name + "' was dropped"));
  }

  private record Located(TableName name, Table table, String property) {
  }
}
