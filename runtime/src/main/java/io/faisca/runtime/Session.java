package io.faisca.runtime;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.parser.ddl.SqlAlterTableExecute;
import io.faisca.parser.ddl.SqlCreateManagedTable;
import io.faisca.parser.ddl.SqlInsertOverwrite;
import io.faisca.planner.PlannedQuery;
import io.faisca.planner.PlannerSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.ddl.SqlDropTable;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One client's view of the engine: its settings and the Spark session its
 * queries run on. A session that changes a Spark setting gets a Spark
 * session of its own (sharing the Spark context), so its settings never
 * reach other sessions. Thread-safe.
 */
public final class Session {
  private final FaiscaEngine engine;
  private final Map<String, String> changed = new TreeMap<>();
  private SparkSession ownSpark;
  private SparkSession rowByRowSpark;

  Session(FaiscaEngine engine) {
    this.engine = engine;
  }

  /** Plans a query, or prepares a command or a question about the catalog. */
  public Prepared prepare(String sql) {
    SqlNode parsed = engine.planner().parse(sql);
    if (parsed instanceof SqlSetOption option) {
      return SettingChange.of(this, sql, option);
    }
    Optional<Prepared> catalogStatement = CatalogStatements.prepare(sql, parsed, engine.planner());
    if (catalogStatement.isPresent()) {
      return catalogStatement.get();
    }
    if (parsed instanceof SqlCreateManagedTable create) {
      return create.query != null ? TableWrites.createAs(sql, create, this)
          : TableCommands.create(sql, create, engine.planner());
    }
    if (parsed instanceof SqlInsertOverwrite overwrite) {
      return TableWrites.overwrite(sql, overwrite, this);
    }
    if (parsed instanceof SqlInsert insert) {
      return TableWrites.insert(sql, insert, this);
    }
    if (parsed instanceof SqlDelete delete) {
      return TableRewrites.delete(sql, delete, this);
    }
    if (parsed instanceof SqlUpdate update) {
      return TableRewrites.update(sql, update, this);
    }
    if (parsed instanceof SqlDropTable drop) {
      return TableCommands.drop(sql, drop, engine.planner());
    }
    if (parsed instanceof SqlAlterTableExecute execute) {
      return TableProcedures.prepare(sql, execute, this);
    }
    return PreparedQuery.prepared(this, engine.planner().plan(sql, parsed, plannerSettings()));
  }

  /** Plans a query (or EXPLAIN of one) again, as {@link #prepare} planned it, with the settings of now. */
  PlannedQuery plan(String sql) {
    return engine.planner().plan(sql, engine.planner().parse(sql), plannerSettings());
  }

  /** The settings planning follows: the broadcast threshold this session's Spark session has. */
  public PlannerSettings plannerSettings() {
    return new PlannerSettings(spark().sessionState().conf().autoBroadcastJoinThreshold());
  }

  /** Plans a query; anything else is an error. */
  public PreparedQuery prepareQuery(String sql) {
    if (prepare(sql) instanceof PreparedQuery query) {
      return query;
    }
    throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Expected a query, not a command such as SET or CREATE TABLE");
  }

  /** The Spark session this session's queries run on. */
  public synchronized SparkSession spark() {
    return ownSpark != null ? ownSpark : engine.spark();
  }

  /**
   * The Spark session for queries with a nested-loop join over a large input: like {@link #spark()},
   * but it reads Parquet files row by row instead of in batches of thousands of rows. Spark checks
   * whether a task was cancelled between the rows (or batches) it reads, never inside the loop that
   * joins one of them with the whole other input; row by row, a cancelled query stops within the
   * loop over one row, not over thousands.
   */
  public synchronized SparkSession rowByRowSpark() {
    if (rowByRowSpark == null) {
      rowByRowSpark = derive(spark());
      rowByRowSpark.conf().set("spark.sql.parquet.enableVectorizedReader", "false");
    }
    return rowByRowSpark;
  }

  /** How long a statement may run; zero for no limit. */
  public synchronized Duration statementTimeout() {
    String timeout = changed.get(SessionSettings.STATEMENT_TIMEOUT);
    return timeout == null ? Duration.ZERO : SessionSettings.parseDuration(SessionSettings.STATEMENT_TIMEOUT, timeout);
  }

  /** The shortest retention this session lets {@code remove_orphan_files} use. */
  public synchronized Duration orphanFilesMinRetention() {
    String retention = changed.get(SessionSettings.ORPHAN_FILES_MIN_RETENTION);
    return retention == null ? SessionSettings.DEFAULT_ORPHAN_FILES_MIN_RETENTION
        : SessionSettings.parseDuration(SessionSettings.ORPHAN_FILES_MIN_RETENTION, retention);
  }

  /** The settings this session changed, by name. */
  public synchronized Map<String, String> settings() {
    return Map.copyOf(changed);
  }

  FaiscaEngine engine() {
    return engine;
  }

  synchronized void set(String name, String value) {
    rowByRowSpark = null;
    if (SessionSettings.isSpark(name)) {
      try {
        ownSpark().conf().set(name, value);
      } catch (IllegalArgumentException e) {
        throw new FaiscaException(ErrorCode.INVALID_ARGUMENT, "Invalid value '" + value + "' for " + name + ": "
            + e.getMessage(), e);
      }
    } else {
      SessionSettings.parseDuration(name, value);
    }
    changed.put(name, value);
  }

  synchronized void reset(String name) {
    changed.remove(name);
    rowByRowSpark = null;
    if (SessionSettings.isSpark(name) && ownSpark != null) {
      scala.Option<String> inherited = engine.spark().conf().getOption(name);
      if (inherited.isDefined()) {
        ownSpark.conf().set(name, inherited.get());
      } else {
        ownSpark.conf().unset(name);
      }
    }
  }

  synchronized void resetAll() {
    changed.clear();
    ownSpark = null;
    rowByRowSpark = null;
  }

  /** A Spark session of this session's own, starting from the engine's settings. */
  private SparkSession ownSpark() {
    if (ownSpark == null) {
      ownSpark = derive(engine.spark());
    }
    return ownSpark;
  }

  /** A new Spark session on the same context, with the settings of {@code parent}. */
  private static SparkSession derive(SparkSession parent) {
    SparkSession derived = parent.newSession();
    CollectionConverters.asJava(parent.conf().getAll()).forEach((key, value) -> {
      if (parent.conf().isModifiable(key)) {
        derived.conf().set(key, value);
      }
    });
    return derived;
  }
}
