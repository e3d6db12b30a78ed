package io.faisca.runtime.lower.calls;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.runtime.lower.RexToColumn;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/** EXTRACT, the current date and time, and TIMESTAMPADD / TIMESTAMPDIFF. */
final class DateTimes {
  private static final long SECONDS_PER_DAY = 86_400;

  private DateTimes() {
  }

  static void register(CallLowerings.Registry registry) {
    registry.kind(SqlKind.EXTRACT, DateTimes::extract);
    registry.name("CURRENT_DATE", (call, rex) -> functions.current_date());
    registry.name("CURRENT_TIMESTAMP", (call, rex) -> functions.current_timestamp());
    registry.name("LOCALTIMESTAMP", (call, rex) -> functions.localtimestamp());
    registry.kind(SqlKind.TIMESTAMP_ADD, (call, rex) -> functions.timestamp_add(
        unit(call), rex.lower(call.getOperands().get(1)), rex.lower(call.getOperands().get(2))));
    registry.kind(SqlKind.TIMESTAMP_DIFF, (call, rex) -> functions.timestamp_diff(
        unit(call), rex.lower(call.getOperands().get(1)), rex.lower(call.getOperands().get(2))));
  }

  /** {@code EXTRACT(unit FROM x)}: operand 0 is the unit. */
  private static Column extract(RexCall call, RexToColumn rex) {
    TimeUnitRange unit = (TimeUnitRange) Operands.literal(call, 0, "time unit");
    Column value = rex.lower(call.getOperands().get(1));
    switch (unit) {
      case YEAR:
      case QUARTER:
      case MONTH:
      case WEEK:
      case DAY:
      case HOUR:
      case MINUTE:
        return functions.extract(functions.lit(unit.name()), value);
      case SECOND:
        return secondsTimes(value, 1);
      case MILLISECOND:
        return secondsTimes(value, 1_000);
      case MICROSECOND:
        return secondsTimes(value, 1_000_000);
      case NANOSECOND:
        return secondsTimes(value, 1_000_000_000L);
      case EPOCH:
        return epoch(call, value);
      case DECADE:
        return functions.floor(functions.year(value).divide(10));
      case CENTURY:
        return functions.ceil(functions.year(value).divide(100));
      case MILLENNIUM:
        return functions.ceil(functions.year(value).divide(1000));
      case DOW:
        return functions.dayofweek(value);
      case ISODOW:
        return functions.extract(functions.lit("DAYOFWEEK_ISO"), value);
      case DOY:
        return functions.dayofyear(value);
      case ISOYEAR:
        return functions.extract(functions.lit("YEAROFWEEK"), value);
      default:
        return unsupported(call);
    }
  }

  /** The seconds of the minute, fraction included, in a unit of that many per second, rounded down. */
  private static Column secondsTimes(Column value, long perSecond) {
    return functions.floor(functions.extract(functions.lit("SECOND"), value).multiply(perSecond));
  }

  /** Whole seconds since 1970-01-01 00:00:00, the timestamp read as UTC (the session's zone). */
  private static Column epoch(RexCall call, Column value) {
    if (call.getOperands().get(1).getType().getSqlTypeName() == SqlTypeName.DATE) {
      return functions.unix_date(value).cast(DataTypes.LongType).multiply(SECONDS_PER_DAY);
    }
    return functions.floor(functions.unix_micros(value.cast(DataTypes.TimestampType)).divide(1_000_000));
  }

  private static String unit(RexCall call) {
    Object unit = Operands.literal(call, 0, "time unit");
    return unit instanceof TimeUnitRange range ? range.startUnit.name() : unit.toString();
  }

  static Column unsupported(RexCall call) {
    throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Faísca cannot run " + call + " yet");
  }
}
