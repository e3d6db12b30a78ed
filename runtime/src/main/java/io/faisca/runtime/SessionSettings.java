package io.faisca.runtime;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings a session may change with {@code SET name = value}. Spark
 * settings are limited to ones that tune how queries run: none of them names
 * a class, a file or a URL, so a client cannot reach beyond its own queries.
 */
public final class SessionSettings {
  /** How long a statement may run before it is cancelled; like PostgreSQL's, a number is milliseconds. */
  public static final String STATEMENT_TIMEOUT = "statement_timeout";
  /**
   * The shortest retention {@code remove_orphan_files} accepts: a file younger than a running write may
   * be that write's, and deleting it would break the table the write then commits.
   */
  public static final String ORPHAN_FILES_MIN_RETENTION = "remove_orphan_files_min_retention";
  static final Duration DEFAULT_ORPHAN_FILES_MIN_RETENTION = Duration.ofDays(1);
  private static final Set<String> OWN = Set.of(STATEMENT_TIMEOUT, ORPHAN_FILES_MIN_RETENTION);

  static final Set<String> SPARK = Set.of(
      "spark.sql.shuffle.partitions",
      "spark.sql.autoBroadcastJoinThreshold",
      "spark.sql.adaptive.enabled",
      "spark.sql.adaptive.coalescePartitions.enabled",
      "spark.sql.adaptive.advisoryPartitionSizeInBytes",
      "spark.sql.adaptive.skewJoin.enabled",
      "spark.sql.files.maxPartitionBytes",
      "spark.sql.files.minPartitionNum",
      "spark.sql.files.openCostInBytes",
      "spark.sql.parquet.filterPushdown");

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|m|h|d)?");

  private SessionSettings() {
  }

  /** The setting's name as sessions keep it; unknown names are an error listing the known ones. */
  static String canonicalName(String name) {
    Set<String> known = new TreeSet<>(SPARK);
    known.addAll(OWN);
    for (String setting : known) {
      if (setting.equalsIgnoreCase(name)) {
        return setting;
      }
    }
    throw new FaiscaException(ErrorCode.UNKNOWN_SETTING, "Unknown setting '" + name
        + "'; a session can set " + String.join(", ", known));
  }

  static boolean isSpark(String canonicalName) {
    return SPARK.contains(canonicalName);
  }

  /**
   * A duration given to {@code name}: a number of milliseconds, or a number with unit ms, s, m (or min),
   * h or d, as in {@code '30s'} or {@code '7d'}.
   */
  static Duration parseDuration(String name, String value) {
    Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new FaiscaException(ErrorCode.INVALID_ARGUMENT, "Invalid value for " + name + ": '" + value
          + "'; expected milliseconds, or a number with unit ms, s, m, h or d (e.g. '30s', '7d')");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "s" -> Duration.ofSeconds(amount);
      case "m", "min" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> Duration.ofMillis(amount);
    };
  }
}
