package io.faisca.runtime;

import io.faisca.catalog.ColumnMetadata;
import io.faisca.catalog.FileFormat;
import io.faisca.catalog.IcebergSchemas;
import io.faisca.catalog.ManagedTables;
import io.faisca.catalog.TableDefinition;
import io.faisca.catalog.TableMetadata;
import io.faisca.catalog.Warehouse;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.planner.FaiscaPlanner;
import io.faisca.planner.InsertTarget;
import io.faisca.planner.PlannedQuery;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;

/**
 * {@code INSERT INTO} and {@code CREATE TABLE AS}: the source query is planned
 * with its rows fitted to the table's columns, Spark writes them as Parquet
 * files into a fresh folder of the table, and one Iceberg commit makes them
 * visible. A failure before the commit leaves the table as it was.
 */
final class TableWrites {
  private TableWrites() {
  }

  static Command insert(String sql, SqlInsert insert, Session session) {
    FaiscaPlanner planner = session.engine().planner();
    Warehouse warehouse = planner.warehouse();
    String found = TableCommands.writableTable(warehouse, (SqlIdentifier) insert.getTargetTable());
    ManagedTables tables = TableCommands.managedTables(warehouse);
    TableMetadata table = warehouse.table(found).orElseThrow();
    List<String> columns = insert.getTargetColumnList() == null ? List.of()
        : insert.getTargetColumnList().stream().map(column -> ((SqlIdentifier) column).getSimple()).toList();
    PreparedQuery rows = rows(session, planner.planInto(sql, insert.getSource(),
        new InsertTarget(found, table.columns(), columns)));
    return TableCommands.command(sql, () -> {
      Table target = tables.load(found).orElseThrow(() -> new FaiscaException(ErrorCode.TABLE_NOT_FOUND,
          "Table '" + found + "' was dropped"));
      List<DataFile> files = write(rows, target);
      AppendFiles append = target.newAppend();
      files.forEach(append::appendFile);
      try {
        append.commit();
      } catch (CommitFailedException e) {
        throw new FaiscaException(ErrorCode.COMMIT_CONFLICT, "The INSERT into '" + found + "' lost every retry of"
            + " its commit to other writers; nothing was written. Run it again", e);
      }
      return files.stream().mapToLong(DataFile::recordCount).sum();
    });
  }

  static Command createAs(String sql, SqlCreateTable create, Session session) {
    if (create.columnList != null) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "CREATE TABLE AS takes its columns from the query;"
          + " a column list is not supported");
    }
    FaiscaPlanner planner = session.engine().planner();
    String name = TableCommands.tableName(create.name);
    SqlNode query = create.query;
    Schema schema = IcebergSchemas.of(planner.plan(sql, query).rowType());
    List<ColumnMetadata> columns = IcebergSchemas.columns(name, schema);
    PreparedQuery rows = rows(session, planner.planInto(sql, query, new InsertTarget(name, columns, List.of())));
    ManagedTables tables = TableCommands.managedTables(planner.warehouse());
    return TableCommands.command(sql, () -> tables.createAs(name, TableDefinition.of(schema, FileFormat.PARQUET), create.ifNotExists,
        table -> write(rows, table)));
  }

  private static PreparedQuery rows(Session session, PlannedQuery plan) {
    if (plan.parameterRowType().getFieldCount() > 0) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Parameters (?) in a statement that writes rows are not"
          + " supported yet");
    }
    return new PreparedQuery(session, plan);
  }

  private static List<DataFile> write(PreparedQuery rows, Table table) {
    return TableWriter.write(rows.dataset(List.of()), table);
  }
}
