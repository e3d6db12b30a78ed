package io.faisca.runtime;

import io.faisca.catalog.IcebergSchemas;
import io.faisca.catalog.ManagedTables;
import io.faisca.catalog.Relation;
import io.faisca.catalog.TableDefinition;
import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.parser.ddl.SqlCreateManagedTable;
import io.faisca.planner.FaiscaPlanner;
import java.util.Optional;
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
    Warehouse warehouse = planner.warehouse();
    TableName name = CatalogNames.written(warehouse, create.name);
    TableElements elements = TableElements.of(create.columnList);
    Schema schema = IcebergSchemas.withPrimaryKey(IcebergSchemas.of(planner.rowType(elements.columns())),
        elements.primaryKey());
    TableDefinition definition = definition(create, schema, warehouse, name);
    ManagedTables tables = warehouse.managedTables();
    return command(sql, () -> {
      if (CatalogNames.free(warehouse, name, create.ifNotExists)) {
        tables.create(name, definition, create.ifNotExists);
      }
      return 0;
    });
  }

  /**
   * The table a CREATE TABLE describes, with columns {@code schema}; wrong clauses fail here, creating nothing.
   * Its LOCATION is checked now too, unless IF NOT EXISTS finds the name taken: the statement then does
   * nothing, and running it again must not fail on the directory the table it created took.
   */
  static TableDefinition definition(SqlCreateManagedTable create, Schema schema, Warehouse warehouse,
      TableName name) {
    TableDefinition definition = TableDefinition.of(schema, create.storedAs(), create.partitioning(),
        create.properties());
    if (create.location().isEmpty()) {
      return definition;
    }
    boolean skipped = create.ifNotExists && warehouse.resolve(name.schema(), name.name(), false).isPresent();
    String location = create.location().get();
    return definition.at(skipped ? location : warehouse.managedTables().location(location));
  }

  static Command drop(String sql, SqlDropTable drop, FaiscaPlanner planner) {
    Warehouse warehouse = planner.warehouse();
    return command(sql, () -> {
      Optional<Relation> found = CatalogNames.find(warehouse, drop.name);
      if (found.isEmpty() && drop.ifExists) {
        return 0;
      }
      warehouse.managedTables().drop(CatalogNames.managedTable(warehouse, drop.name, "DROP TABLE"), drop.ifExists);
      return 0;
    });
  }

  /** The managed table a statement writes to, by the name it gives; a raw directory is read-only. */
  static TableName writableTable(Warehouse warehouse, SqlIdentifier identifier) {
    return CatalogNames.managedTable(warehouse, identifier, "a write");
  }

  /** A command running {@code action}; what goes wrong in Spark on the way is reported as Faísca's error. */
  static Command command(String sql, java.util.function.LongSupplier action) {
    return new Command() {
      @Override public long execute() {
        try {
          return action.getAsLong();
        } catch (Exception e) {
          // Spark's and Hadoop's code also throws checked exceptions, such as a denied HDFS access.
          throw SparkErrors.translate(e);
        }
      }

      @Override public String sqlText() {
        return sql;
      }
    };
  }
}
