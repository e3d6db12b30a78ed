package io.faisca.runtime;

import io.faisca.catalog.ManagedTables;
import io.faisca.catalog.TableMaintenance;
import io.faisca.catalog.TableName;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.parser.ddl.SqlAlterTableExecute;
import io.faisca.parser.ddl.SqlProcedureArgument;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;
import org.apache.iceberg.Table;

/**
 * {@code ALTER TABLE t EXECUTE procedure(…)}, Trino's maintenance procedures of Iceberg tables:
 * <ul>
 *   <li>{@code remove_orphan_files(retention_threshold => '7d')} deletes the files of failed writes;</li>
 *   <li>{@code expire_snapshots(retention_threshold => '7d', retain_last => 1)} forgets old snapshots and
 *       deletes the files only they referenced.</li>
 * </ul>
 * The update count is the number of files deleted.
 */
final class TableProcedures {
  private static final String RETENTION = "retention_threshold";
  private static final String RETAIN_LAST = "retain_last";
  private static final String DEFAULT_RETENTION = "7d";

  private TableProcedures() {
  }

  static Command prepare(String sql, SqlAlterTableExecute execute, Session session) {
    String procedure = execute.procedure.getSimple().toLowerCase(Locale.ROOT);
    TableName name = TableCommands.writableTable(session.engine().warehouse(), execute.table);
    ManagedTables tables = session.engine().warehouse().managedTables();
    return switch (procedure) {
      case "remove_orphan_files" -> {
        Map<String, String> arguments = arguments(execute, procedure, Set.of(RETENTION));
        Duration retention = duration(arguments.getOrDefault(RETENTION, DEFAULT_RETENTION));
        Duration minimum = session.orphanFilesMinRetention();
        if (retention.compareTo(minimum) < 0) {
          throw new FaiscaException(ErrorCode.INVALID_ARGUMENT, RETENTION + " '" + arguments.get(RETENTION)
              + "' is shorter than " + SessionSettings.ORPHAN_FILES_MIN_RETENTION + " (" + minimum + "): files that"
              + " young may belong to a write still running. Lower the setting only when no write is running.");
        }
        yield TableCommands.command(sql, () ->
            maintenance(tables, name).removeOrphanFiles(Instant.now().minus(retention)));
      }
      case "expire_snapshots" -> {
        Map<String, String> arguments = arguments(execute, procedure, Set.of(RETENTION, RETAIN_LAST));
        Duration retention = duration(arguments.getOrDefault(RETENTION, DEFAULT_RETENTION));
        int retainLast = retainLast(arguments.getOrDefault(RETAIN_LAST, "1"));
        yield TableCommands.command(sql, () ->
            maintenance(tables, name).expireSnapshots(Instant.now().minus(retention), retainLast));
      }
      default -> throw new FaiscaException(ErrorCode.INVALID_QUERY, "Unknown table procedure '"
          + execute.procedure.getSimple() + "'; there are expire_snapshots and remove_orphan_files");
    };
  }

  private static TableMaintenance maintenance(ManagedTables tables, TableName name) {
    Table table = tables.load(name).orElseThrow(() -> new FaiscaException(ErrorCode.TABLE_NOT_FOUND,
        "Table '" + name + "' does not exist"));
    return tables.maintenance(table);
  }

  /** The arguments by (lower-case) name, as text; unknown or repeated names are errors. */
  private static Map<String, String> arguments(SqlAlterTableExecute execute, String procedure, Set<String> known) {
    Map<String, String> arguments = new LinkedHashMap<>();
    for (SqlNode node : execute.arguments) {
      SqlProcedureArgument argument = (SqlProcedureArgument) node;
      String name = argument.name.getSimple().toLowerCase(Locale.ROOT);
      if (!known.contains(name)) {
        throw new FaiscaException(ErrorCode.INVALID_QUERY, "Procedure " + procedure + " has no argument '"
            + argument.name.getSimple() + "'; it takes " + String.join(", ", known.stream().sorted().toList()));
      }
      Object value = argument.value.toValue();
      if (arguments.put(name, value == null ? "" : value.toString()) != null) {
        throw new FaiscaException(ErrorCode.INVALID_QUERY, "Argument '" + name + "' is given twice");
      }
    }
    return arguments;
  }

  private static Duration duration(String value) {
    return SessionSettings.parseDuration(RETENTION, value);
  }

  private static int retainLast(String value) {
    try {
      int retain = Integer.parseInt(value.strip());
      if (retain >= 1) {
        return retain;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new FaiscaException(ErrorCode.INVALID_ARGUMENT, RETAIN_LAST + " must be a whole number of at least 1,"
        + " got '" + value + "'");
  }
}
