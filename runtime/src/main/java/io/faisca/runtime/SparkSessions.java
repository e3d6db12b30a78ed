package io.faisca.runtime;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import scala.Option;
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
  private static final String LOCAL_MASTER = "local[*]";
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?])?");

  private SparkSessions() {
  }

  /**
   * The master of a session nobody named one for: the one {@code spark-submit} passes (as the system
   * property {@code spark.master}), else all of this machine's cores.
   */
  public static String defaultMaster() {
    return System.getProperty("spark.master", LOCAL_MASTER);
  }

  /**
   * Faísca's session on {@code master}: its tuning, unless {@code spark-submit} (or
   * {@code spark-defaults.conf}) set the same key, then its semantics, then the caller's settings.
   * A cluster's master is checked before the first session starts, and its executors get Faísca's jars.
   */
  public static SparkSession getOrCreate(String master, Map<String, String> overrides) {
    Map<String, String> conf = new LinkedHashMap<>(defaults(master));
    conf.keySet().removeIf(key -> System.getProperty(key) != null && !semantics().containsKey(key));
    conf.putAll(overrides);
    if (localCores(master) == null) {
      if (!contextRunning()) {
        SparkMasters.checkReachable(master);
      }
      conf.put("spark.jars", withExecutorJars(overrides.getOrDefault("spark.jars", System.getProperty("spark.jars"))));
    }
    SparkSession.Builder builder = SparkSession.builder().appName("Faísca").master(master);
    conf.forEach(builder::config);
    return builder.getOrCreate();
  }

  private static boolean contextRunning() {
    Option<SparkSession> session = SparkSession.getDefaultSession();
    return session.isDefined() && !session.get().sparkContext().isStopped();
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
    conf.put("spark.sql.adaptive.enabled", "true");
    // Every broadcast hash table holds at least one memory page. Spark sizes pages to the heap (64 MiB on a
    // few GB), so a query joining dozens of small tables held gigabytes for a few rows each and ran out of
    // memory; 4 MiB is the page Spark itself picks for an executor of about 1 GB per core.
    conf.put("spark.buffer.pageSize", "4m");
    conf.putAll(semantics());
    Integer cores = localCores(master);
    if (cores != null) {
      // A cluster keeps Spark's UI, where its operators watch jobs; one machine runs without.
      conf.put("spark.ui.enabled", "false");
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
    Set<String> jars = new LinkedHashSet<>();
    ExecutorJars.paths().forEach(jar -> jars.add(jar.toUri().toString()));
    if (callerJars != null && !callerJars.isBlank()) {
      // spark-submit names its application jar (Faísca's own, when it is the application) as file:/path.
      Set<String> shipped = Set.copyOf(jars);
      Stream.of(callerJars.split(",")).map(String::strip).filter(jar -> !jar.isEmpty())
          .filter(jar -> !shipped.contains(normalized(jar))).forEach(jars::add);
    }
    return String.join(",", jars);
  }

  private static String normalized(String jar) {
    URI uri = URI.create(jar);
    if (uri.getScheme() == null) {
      return Path.of(jar).toAbsolutePath().toUri().toString();
    }
    return "file".equals(uri.getScheme()) ? Path.of(uri).toUri().toString() : jar;
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
