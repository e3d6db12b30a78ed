package io.faisca.runtime.lower;

import java.time.LocalDateTime;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Timestamps as Iceberg stores them: microseconds since 1970-01-01 00:00 UTC,
 * a {@code TIMESTAMP} (no time zone) counted as if it were in UTC. Every
 * conversion is exact integer or decimal arithmetic that no session time
 * zone enters.
 */
public final class TimestampMicros {
  public static final long PER_HOUR = 3_600_000_000L;
  public static final long PER_DAY = 24 * PER_HOUR;
  private static final long PER_SECOND = 1_000_000L;
  private static final Column EPOCH = functions.lit(LocalDateTime.of(1970, 1, 1, 0, 0));

  private TimestampMicros() {
  }

  /** Microseconds of a TIMESTAMP WITH LOCAL TIME ZONE ({@code instant}) or of a TIMESTAMP. */
  public static Column of(Column timestamp, boolean instant) {
    if (instant) {
      return functions.unix_micros(timestamp);
    }
    // The distance from 1970 is an exact day-to-second interval; as a decimal it is seconds to the microsecond.
    return timestamp.minus(EPOCH).cast(DataTypes.createDecimalType(20, 6)).multiply(functions.lit(PER_SECOND))
        .cast(DataTypes.LongType);
  }

  /** The TIMESTAMP (no time zone) that a count of microseconds stands for. */
  public static Column toTimestamp(Column micros) {
    Column seconds = functions.pmod(micros, functions.lit(PER_DAY)).cast(DataTypes.createDecimalType(20, 0))
        .divide(functions.lit(PER_SECOND)).cast(DataTypes.createDecimalType(18, 6));
    Column days = floorDiv(micros, PER_DAY).cast(DataTypes.IntegerType);
    return EPOCH.plus(functions.make_dt_interval(days, functions.lit(0), functions.lit(0), seconds));
  }

  /** Division rounding toward negative infinity, as Iceberg's time transforms divide. */
  public static Column floorDiv(Column value, long divisor) {
    Column by = functions.lit(divisor);
    return functions.call_function("div", value.minus(functions.pmod(value, by)), by);
  }
}
