package io.faisca.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Spark session Faísca runs on, configured for the machine: shuffle
 * partitions sized to the cores, memory pages small enough for many small
 * broadcast tables, adaptive execution and ANSI semantics on,
 * UTC session time, java.time values in rows, Parquet columns matched by
 * field id where the read schema gives one. Settings the caller passes win.
 * On a cluster, the jars executors need travel with the job.
 */
public final class SparkSessions {
  public static final String DEFAULT_MASTER = "local[*]";
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?])?");

  private SparkSessions() {
  }

  public static SparkSession getOrCreate(String master, Map<String, String> overrides) {
    Map<String, String> conf = defaults(master);
    conf.putAll(overrides);
    if (localCores(master) == null) {
      SparkMasters.checkReachable(master);
      conf.put("spark.jars", withExecutorJars(overrides.get("spark.jars")));
    }
    SparkSession.Builder builder = SparkSession.builder().appName("Faísca").master(master);
    conf.forEach(builder::config);
    return builder.getOrCreate();
  }

  /**
   * A session for Faísca on a program's own Spark session: a new session on the same context (sharing its
   * cached data), with the caller's settings and then Faísca's semantics over them. The caller's session is
   * left as it was: a program that turned ANSI mode off, or works in its own time zone, keeps doing so,
   * while Faísca's queries overflow, divide and read times as they do through JDBC.
   */
  public static SparkSession derive(SparkSession caller) {
    SparkSession derived = caller.newSession();
    CollectionConverters.asJava(caller.conf().getAll()).forEach((key, value) -> {
      if (caller.conf().isModifiable(key)) {
        derived.conf().set(key, value);
      }
    });
    semantics().forEach(derived.conf()::set);
    return derived;
  }

  static Map<String, String> defaults(String master) {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.ui.enabled", "false");
    conf.put("spark.sql.adaptive.enabled", "true");
    // Every broadcast hash table holds at least one memory page. Spark sizes pages to the heap (64 MiB on a
    // few GB), so a query joining dozens of small tables held gigabytes for a few rows each and ran out of
    // memory; 4 MiB is the page Spark itself picks for an executor of about 1 GB per core.
    conf.put("spark.buffer.pageSize", "4m");
    conf.putAll(semantics());
    Integer cores = localCores(master);
    if (cores != null) {
      conf.put("spark.sql.shuffle.partitions", Integer.toString(Math.max(2, cores * 2)));
      conf.put("spark.driver.host", "127.0.0.1");
      conf.put("spark.driver.bindAddress", "127.0.0.1");
    }
    return conf;
  }

  /**
   * The settings Faísca's answers depend on: errors on overflow, UTC session time, java.time values in
   * rows, dates and times read as written, Parquet columns matched by field id. Every one is a session
   * setting, so it can be set on a session derived from a program's own.
   */
  static Map<String, String> semantics() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.sql.ansi.enabled", "true");
    conf.put("spark.sql.session.timeZone", "UTC");
    conf.put("spark.sql.datetime.java8API.enabled", "true");
    conf.put("spark.sql.parquet.datetimeRebaseModeInRead", "CORRECTED");
    conf.put("spark.sql.parquet.int96RebaseModeInRead", "CORRECTED");
    // Tables Faísca writes are Iceberg tables: instants as INT64 microseconds, as Iceberg reads them.
    conf.put("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    // Their columns are matched by Iceberg field id, so that renamed, dropped and added columns read right.
    conf.put("spark.sql.parquet.fieldId.read.enabled", "true");
    return conf;
  }

  /** Faísca's executor jars, then those the caller ships ({@code spark.jars}, comma-separated). */
  static String withExecutorJars(String callerJars) {
    StringJoiner jars = new StringJoiner(",");
    ExecutorJars.paths().forEach(jar -> jars.add(jar.toUri().toString()));
    if (callerJars != null && !callerJars.isBlank()) {
      jars.add(callerJars);
    }
    return jars.toString();
  }

  /** Cores of a local master ({@code local}, {@code local[4]}, {@code local[*]}), or null for a cluster. */
  static Integer localCores(String master) {
    Matcher m = LOCAL.matcher(master);
    if (!m.matches()) {
      return null;
    }
    String cores = m.group(1);
    if (cores == null) {
      return 1;
    }
    return "*".equals(cores) ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(cores);
  }
}
