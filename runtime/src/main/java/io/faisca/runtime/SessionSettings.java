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

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|h)?");

  private SessionSettings() {
  }

  /** The setting's name as sessions keep it; unknown names are an error listing the known ones. */
  static String canonicalName(String name) {
    if (name.equalsIgnoreCase(STATEMENT_TIMEOUT)) {
      return STATEMENT_TIMEOUT;
    }
    for (String spark : SPARK) {
      if (spark.equalsIgnoreCase(name)) {
        return spark;
      }
    }
    Set<String> known = new TreeSet<>(SPARK);
    known.add(STATEMENT_TIMEOUT);
    throw new FaiscaException(ErrorCode.UNKNOWN_SETTING, "Unknown setting '" + name
        + "'; a session can set " + String.join(", ", known));
  }

  static boolean isSpark(String canonicalName) {
    return SPARK.contains(canonicalName);
  }

  /** A timeout: a number of milliseconds, or a number with unit ms, s, min or h; 0 means none. */
  static Duration parseTimeout(String value) {
    Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new FaiscaException(ErrorCode.INVALID_ARGUMENT, "Invalid value for " + STATEMENT_TIMEOUT + ": '"
          + value + "'; expected milliseconds, or a number with unit ms, s, min or h (e.g. '30s')");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "s" -> Duration.ofSeconds(amount);
      case "min" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofMillis(amount);
    };
  }
}
