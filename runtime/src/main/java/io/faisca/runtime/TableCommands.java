package io.faisca.runtime;

import io.faisca.catalog.IcebergSchemas;
import io.faisca.catalog.ManagedTables;
import io.faisca.catalog.TableDefinition;
import io.faisca.catalog.Warehouse;
import io.faisca.catalog.WarehouseSchema;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.parser.ddl.SqlCreateManagedTable;
import io.faisca.planner.FaiscaPlanner;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.ddl.SqlDropTable;
import org.apache.iceberg.Schema;

/** {@code CREATE TABLE} (with columns) and {@code DROP TABLE} of managed tables, prepared for a session. */
final class TableCommands {
  private TableCommands() {
  }

  static Command create(String sql, SqlCreateManagedTable create, FaiscaPlanner planner) {
    if (create.getReplace()) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "CREATE OR REPLACE TABLE is not supported");
    }
    if (create.columnList == null || create.columnList.isEmpty()) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "CREATE TABLE needs a list of columns");
    }
    String name = tableName(create.name);
    TableDefinition definition = definition(create, IcebergSchemas.of(planner.rowType(create.columnList)));
    ManagedTables tables = managedTables(planner.warehouse());
    return command(sql, () -> {
      tables.create(name, definition, create.ifNotExists);
      return 0;
    });
  }

  /** The table a CREATE TABLE describes, with columns {@code schema}; wrong clauses fail here, creating nothing. */
  static TableDefinition definition(SqlCreateManagedTable create, Schema schema) {
    return TableDefinition.of(schema, create.storedAs(), create.partitioning(), create.properties());
  }

  static Command drop(String sql, SqlDropTable drop, FaiscaPlanner planner) {
    String name = tableName(drop.name);
    Warehouse warehouse = planner.warehouse();
    return command(sql, () -> {
      String found = warehouse.resolveTableName(name, false).orElse(name);
      boolean managed = warehouse.managedTables().map(tables -> tables.load(found).isPresent()).orElse(false);
      if (!managed && warehouse.table(found).isPresent()) {
        throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Table '" + found + "' is a directory of files, not"
            + " a table Faísca manages: it is read-only, and DROP TABLE leaves it alone");
      }
      managedTables(warehouse).drop(found, drop.ifExists);
      return 0;
    });
  }

  /** The managed table a statement writes to, by the name it gives; a raw directory is read-only. */
  static String writableTable(Warehouse warehouse, SqlIdentifier identifier) {
    String name = tableName(identifier);
    String found = warehouse.resolveTableName(name, false).orElseThrow(() -> new FaiscaException(
        ErrorCode.TABLE_NOT_FOUND, "Table '" + name + "' does not exist"));
    if (managedTables(warehouse).load(found).isEmpty()) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Table '" + found + "' is a directory of files, not a"
          + " table Faísca manages: it is read-only");
    }
    return found;
  }

  /** A table of the default schema, named as written (quoted or not). */
  static String tableName(SqlIdentifier identifier) {
    List<String> names = identifier.names;
    if (names.size() == 2 && names.get(0).equalsIgnoreCase(WarehouseSchema.NAME)) {
      return names.get(1);
    }
    if (names.size() != 1) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Tables live in schema '" + WarehouseSchema.NAME
          + "'; '" + identifier + "' names another schema");
    }
    return names.get(0);
  }

  static ManagedTables managedTables(Warehouse warehouse) {
    return warehouse.managedTables().orElseThrow(() -> new FaiscaException(ErrorCode.NOT_SUPPORTED,
        "Warehouse '" + warehouse.location() + "' is not on a local disk; tables can be created only in a local"
            + " warehouse yet"));
  }

  /** A command running {@code action}; what goes wrong in Spark on the way is reported as Faísca's error. */
  static Command command(String sql, java.util.function.LongSupplier action) {
    return new Command() {
      @Override public long execute() {
        try {
          return action.getAsLong();
        } catch (RuntimeException e) {
          throw SparkErrors.translate(e);
        }
      }

      @Override public String sqlText() {
        return sql;
      }
    };
  }
}
