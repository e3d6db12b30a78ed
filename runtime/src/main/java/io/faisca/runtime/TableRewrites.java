package io.faisca.runtime;

import io.faisca.catalog.ManagedTables;
import io.faisca.catalog.TableName;
import io.faisca.catalog.TableMetadata;
import io.faisca.catalog.Warehouse;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.planner.FaiscaPlanner;
import io.faisca.planner.InsertTarget;
import io.faisca.planner.PlannedQuery;
import io.faisca.planner.PlannerSettings;
import io.faisca.runtime.write.TableWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@code DELETE} and {@code UPDATE} as copy-on-write: the files holding a row
 * the statement touches are read, their rows rewritten (kept, or changed) into
 * new files by Spark, and one Iceberg commit swaps the new files for the old.
 * Files without such a row stay as they are. A concurrent commit that changed
 * the table since the statement read it makes it fail with 40001, changing
 * nothing; no Iceberg delete files are ever written.
 */
final class TableRewrites {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private TableRewrites() {
  }

  static Command delete(String sql, SqlDelete delete, Session session) {
    return command(sql, session, delete, parsed -> plan(sql, (SqlDelete) parsed, session));
  }

  static Command update(String sql, SqlUpdate update, Session session) {
    return command(sql, session, update, parsed -> plan(sql, (SqlUpdate) parsed, session));
  }

  /**
   * Plans the statement now, to report its errors; runs it from a fresh parse, planned after the table's
   * current snapshot was read, so that everything committed since counts as a conflict.
   */
  private static Command command(String sql, Session session, SqlNode parsed, Function<SqlNode, Rewrite> plan) {
    Rewrite prepared = plan.apply(parsed);
    return TableCommands.command(sql, () -> {
      Table iceberg = prepared.target().tables().load(prepared.target().name()).orElseThrow(() ->
          new FaiscaException(ErrorCode.TABLE_NOT_FOUND, "Table '" + prepared.target().name() + "' was dropped"));
      Snapshot base = iceberg.currentSnapshot();
      return base == null ? 0 : plan.apply(session.engine().planner().parse(sql)).run(iceberg, base);
    });
  }

  private static Rewrite plan(String sql, SqlDelete delete, Session session) {
    Target target = Target.of(session, (SqlIdentifier) delete.getTargetTable(), delete.getAlias());
    SqlNode condition = delete.getCondition();
    // The rows that stay: those for which the condition is not true (false or unknown).
    SqlNode kept = condition == null ? SqlLiteral.createBoolean(false, POS)
        : SqlStdOperatorTable.IS_NOT_TRUE.createCall(POS, condition);
    FaiscaPlanner planner = session.engine().planner();
    PlannerSettings settings = session.plannerSettings();
    return new Rewrite(session, target,
        planner.plan(sql, target.select(SqlNodeList.SINGLETON_STAR, condition), settings),
        planner.plan(sql, target.select(SqlNodeList.SINGLETON_STAR, kept), settings));
  }

  private static Rewrite plan(String sql, SqlUpdate update, Session session) {
    Target target = Target.of(session, (SqlIdentifier) update.getTargetTable(), update.getAlias());
    SqlNode condition = update.getCondition();
    Map<String, SqlNode> assignments = new HashMap<>();
    for (int i = 0; i < update.getTargetColumnList().size(); i++) {
      String column = target.column(((SqlIdentifier) update.getTargetColumnList().get(i)).getSimple());
      if (assignments.put(column, update.getSourceExpressionList().get(i)) != null) {
        throw new FaiscaException(ErrorCode.INVALID_QUERY, "Column '" + column + "' is set twice");
      }
    }
    List<SqlNode> items = new ArrayList<>();
    for (String column : target.columns()) {
      SqlNode value = target.reference(column);
      SqlNode assigned = assignments.get(column);
      if (assigned != null) {
        value = condition == null ? assigned : SqlStdOperatorTable.CASE.createCall(null, POS, null,
            SqlNodeList.of(condition), SqlNodeList.of(assigned), value);
      }
      items.add(value);
    }
    FaiscaPlanner planner = session.engine().planner();
    PlannerSettings settings = session.plannerSettings();
    PlannedQuery matching = planner.plan(sql, target.select(SqlNodeList.SINGLETON_STAR, condition), settings);
    SqlNode rows = target.select(new SqlNodeList(items, POS), null);
    return new Rewrite(session, target, matching,
        planner.planInto(sql, rows, new InsertTarget(target.name().toString(), target.table().columns(),
            List.of()), settings));
  }

  /** The managed table a DELETE or UPDATE changes, as its statement names it. */
  private record Target(TableName name, SqlIdentifier alias, TableMetadata table, ManagedTables tables) {
    static Target of(Session session, SqlIdentifier identifier, SqlIdentifier alias) {
      Warehouse warehouse = session.engine().planner().warehouse();
      TableName found = TableCommands.writableTable(warehouse, identifier);
      return new Target(found, alias, warehouse.table(found).orElseThrow(), warehouse.managedTables());
    }

    List<String> columns() {
      return table.columns().stream().map(c -> c.name()).toList();
    }

    String column(String written) {
      return columns().stream().filter(c -> c.equalsIgnoreCase(written)).findFirst()
          .orElseThrow(() -> new FaiscaException(ErrorCode.COLUMN_NOT_FOUND, "Table '" + name
              + "' has no column '" + written + "'"));
    }

    SqlNode reference(String column) {
      return new SqlIdentifier(List.of(alias == null ? name.name() : alias.getSimple(), column), POS);
    }

    SqlSelect select(SqlNodeList items, SqlNode where) {
      SqlNode from = new SqlIdentifier(List.of(name.schema(), name.name()), POS);
      if (alias != null) {
        from = SqlStdOperatorTable.AS.createCall(POS, from, alias);
      }
      return new SqlSelect(POS, null, items, from, where, null, null, null, null, null, null, null, null);
    }

  }

  /**
   * The plans of a DELETE or UPDATE: the rows it matches, and the rows the files holding them become.
   */
  private record Rewrite(Session session, Target target, PlannedQuery matching, PlannedQuery rows) {
    /** Rewrites the files of {@code base} that hold a matching row; returns the rows matched. */
    long run(Table iceberg, Snapshot base) {
      Map<String, Long> matchesByFile = matchesByFile(new PreparedQuery(session, matching).dataset(List.of()));
      if (matchesByFile.isEmpty()) {
        return 0;
      }
      Column inTouchedFiles = functions.input_file_name().isin(matchesByFile.keySet().toArray());
      List<DataFile> written = TableWriter.write(
          new PreparedQuery(session, rows).dataset(List.of()).filter(inTouchedFiles), iceberg);
      commit(iceberg, base, matchesByFile.keySet(), written);
      return matchesByFile.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many rows match in each file that has any: one Spark job. */
    private static Map<String, Long> matchesByFile(Dataset<Row> matching) {
      Map<String, Long> counts = new HashMap<>();
      for (Row row : matching.groupBy(functions.input_file_name()).count().collectAsList()) {
        counts.put(row.getString(0), row.getLong(1));
      }
      return counts;
    }

    private void commit(Table iceberg, Snapshot base, java.util.Set<String> touched, List<DataFile> written) {
      java.util.Set<String> touchedPaths = new java.util.HashSet<>();
      // Spark names a file by its URI, escaped (a partition directory "region=a b" reads "region=a%20b");
      // Iceberg by its path as written.
      touched.forEach(file -> touchedPaths.add(new Path(java.net.URI.create(file)).toString()));
      OverwriteFiles overwrite = iceberg.newOverwrite()
          .validateFromSnapshot(base.snapshotId())
          .validateNoConflictingData()
          .validateNoConflictingDeletes();
      int replaced = 0;
      try (CloseableIterable<FileScanTask> tasks = iceberg.newScan().useSnapshot(base.snapshotId()).planFiles()) {
        for (FileScanTask task : tasks) {
          if (touchedPaths.contains(new Path(task.file().location()).toString())) {
            overwrite.deleteFile(task.file());
            replaced++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      written.forEach(overwrite::addFile);
      try {
        if (replaced != touchedPaths.size()) {
          // A file the statement read is not the base snapshot's: committing would keep its old rows too.
          throw new ValidationException("Files read are not all in snapshot %s", base.snapshotId());
        }
        overwrite.commit();
      } catch (ValidationException | CommitFailedException e) {
        throw new FaiscaException(ErrorCode.COMMIT_CONFLICT, "Table '" + target.name() + "' changed while this statement"
            + " rewrote it; nothing was changed. Run it again", e);
      }
    }
  }
}
