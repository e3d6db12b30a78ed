package io.faisca.runtime;

import io.faisca.catalog.ColumnMetadata;
import io.faisca.catalog.IcebergSchemas;
import io.faisca.catalog.ManagedTables;
import io.faisca.catalog.TableDefinition;
import io.faisca.catalog.TableName;
import io.faisca.catalog.TableMetadata;
import io.faisca.catalog.Warehouse;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.parser.ddl.SqlCreateManagedTable;
import io.faisca.parser.ddl.SqlInsertOverwrite;
import io.faisca.planner.FaiscaPlanner;
import io.faisca.planner.InsertTarget;
import io.faisca.planner.PlannedQuery;
import io.faisca.runtime.write.TableWriter;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.types.Types;

/**
 * {@code INSERT INTO}, {@code INSERT OVERWRITE} and {@code CREATE TABLE AS}:
 * the source query is planned with its rows fitted to the table's columns,
 * Spark writes them as files into a fresh folder of the table, and one
 * Iceberg commit makes them visible. A failure before the commit leaves the
 * table as it was.
 */
final class TableWrites {
  private TableWrites() {
  }

  static Command insert(String sql, SqlInsert insert, Session session) {
    Insert prepared = Insert.of(sql, insert, session);
    return TableCommands.command(sql, () -> {
      Table target = prepared.load();
      List<DataFile> files = write(prepared.rows(), target);
      target.refresh();
      prepared.sameColumns(target);
      AppendFiles append = target.newAppend();
      files.forEach(append::appendFile);
      try {
        append.commit();
      } catch (CommitFailedException e) {
        throw new FaiscaException(ErrorCode.COMMIT_CONFLICT, "The INSERT into '" + prepared.table() + "' lost every"
            + " retry of its commit to other writers; nothing was written. Run it again", e);
      }
      return files.stream().mapToLong(DataFile::recordCount).sum();
    });
  }

  /**
   * Plans the statement now, to report its errors; runs it from a fresh plan made after the table's
   * current snapshot was read: rows the query reads from the table itself are then no older than that
   * snapshot, and whatever is committed since to the data it replaces is a conflict.
   */
  static Command overwrite(String sql, SqlInsertOverwrite overwrite, Session session) {
    Insert prepared = Insert.of(sql, overwrite, session);
    return TableCommands.command(sql, () -> {
      Table target = prepared.load();
      Snapshot base = target.currentSnapshot();
      Insert planned = Insert.of(sql, (SqlInsert) session.engine().planner().parse(sql), session);
      return OverwriteCommit.commit(prepared.table().toString(), target, base, write(planned.rows(), target));
    });
  }

  static Command createAs(String sql, SqlCreateManagedTable create, Session session) {
    if (create.columnList != null) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "CREATE TABLE AS takes its columns from the query;"
          + " a column list is not supported");
    }
    FaiscaPlanner planner = session.engine().planner();
    Warehouse warehouse = planner.warehouse();
    TableName name = CatalogNames.written(warehouse, create.name);
    SqlNode query = create.query;
    Schema schema = IcebergSchemas.of(planner.plan(sql, query).rowType());
    TableDefinition definition = TableCommands.definition(create, schema, warehouse, name);
    List<ColumnMetadata> columns = IcebergSchemas.columns(name.name(), schema);
    PreparedQuery rows = rows(session, planner.planInto(sql, query,
        new InsertTarget(name.toString(), columns, List.of()), session.plannerSettings()));
    ManagedTables tables = warehouse.managedTables();
    return TableCommands.command(sql, () -> {
      if (!CatalogNames.free(warehouse, name, create.ifNotExists)) {
        return 0;
      }
      return tables.createAs(name, definition, create.ifNotExists, table -> write(rows, table));
    });
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

  /**
   * An INSERT's managed table, its columns when the rows were planned, and the rows it writes there,
   * fitted to those columns.
   */
  private record Insert(TableName table, TableMetadata planned, ManagedTables tables, PreparedQuery rows) {
    static Insert of(String sql, SqlInsert insert, Session session) {
      FaiscaPlanner planner = session.engine().planner();
      Warehouse warehouse = planner.warehouse();
      TableName found = TableCommands.writableTable(warehouse, (SqlIdentifier) insert.getTargetTable());
      TableMetadata table = warehouse.table(found).orElseThrow();
      List<String> columns = insert.getTargetColumnList() == null ? List.of()
          : insert.getTargetColumnList().stream().map(column -> ((SqlIdentifier) column).getSimple()).toList();
      PreparedQuery rows = TableWrites.rows(session, planner.planInto(sql, insert.getSource(),
          new InsertTarget(found.toString(), table.columns(), columns), session.plannerSettings()));
      return new Insert(found, table, warehouse.managedTables(), rows);
    }

    /** The table as it is now, still with the columns the rows were planned for. */
    Table load() {
      Table target = tables.load(table).orElseThrow(() -> new FaiscaException(ErrorCode.TABLE_NOT_FOUND,
          "Table '" + table + "' was dropped"));
      sameColumns(target);
      return target;
    }

    /**
     * Checks that the table still has the columns the rows were planned for: written under the field ids
     * of a table that has since gained or lost a column, values would land in the wrong columns.
     */
    void sameColumns(Table target) {
      List<Integer> then = planned.columns().stream().map(column -> column.fieldId().orElse(-1)).toList();
      List<Integer> now = target.schema().columns().stream().map(Types.NestedField::fieldId).toList();
      if (!then.equals(now)) {
        throw new FaiscaException(ErrorCode.COMMIT_CONFLICT, "The columns of '" + table + "' changed after the"
            + " INSERT was planned; nothing was written. Run it again");
      }
    }
  }
}
