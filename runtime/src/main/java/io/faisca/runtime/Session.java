package io.faisca.runtime;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;
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

  Session(FaiscaEngine engine) {
    this.engine = engine;
  }

  /** Plans a query, or prepares a change of settings. */
  public Prepared prepare(String sql) {
    SqlNode parsed = engine.planner().parse(sql);
    if (parsed instanceof SqlSetOption option) {
      return SettingChange.of(this, sql, option);
    }
    return new PreparedQuery(this, engine.planner().plan(sql, parsed));
  }

  /** Plans a query; anything else is an error. */
  public PreparedQuery prepareQuery(String sql) {
    if (prepare(sql) instanceof PreparedQuery query) {
      return query;
    }
    throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Expected a query, not a SET or RESET statement");
  }

  /** The Spark session this session's queries run on. */
  public synchronized SparkSession spark() {
    return ownSpark != null ? ownSpark : engine.spark();
  }

  /** How long a statement may run; zero for no limit. */
  public synchronized Duration statementTimeout() {
    String timeout = changed.get(SessionSettings.STATEMENT_TIMEOUT);
    return timeout == null ? Duration.ZERO : SessionSettings.parseTimeout(timeout);
  }

  /** The settings this session changed, by name. */
  public synchronized Map<String, String> settings() {
    return Map.copyOf(changed);
  }

  FaiscaEngine engine() {
    return engine;
  }

  synchronized void set(String name, String value) {
    if (SessionSettings.isSpark(name)) {
      try {
        ownSpark().conf().set(name, value);
      } catch (IllegalArgumentException e) {
        throw new FaiscaException(ErrorCode.INVALID_ARGUMENT, "Invalid value '" + value + "' for " + name + ": "
            + e.getMessage(), e);
      }
    } else {
      SessionSettings.parseTimeout(value);
    }
    changed.put(name, value);
  }

  synchronized void reset(String name) {
    changed.remove(name);
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
  }

  /** A Spark session of this session's own, starting from the engine's settings. */
  private SparkSession ownSpark() {
    if (ownSpark == null) {
      SparkSession parent = engine.spark();
      SparkSession own = parent.newSession();
      CollectionConverters.asJava(parent.conf().getAll()).forEach((key, value) -> {
        if (parent.conf().isModifiable(key)) {
          own.conf().set(key, value);
        }
      });
      ownSpark = own;
    }
    return ownSpark;
  }
}
