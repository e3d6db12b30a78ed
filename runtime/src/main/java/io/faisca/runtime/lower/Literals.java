package io.faisca.runtime.lower;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Literals as Spark columns and as the Java values Spark rows hold. */
public final class Literals {
  private Literals() {
  }

  public static Column toColumn(RexLiteral literal) {
    return toColumn(toJava(literal), literal.getType());
  }

  /** A Spark literal holding a Java value (as {@link #toJava} returns), typed as the SQL type says. */
  public static Column toColumn(Object value, RelDataType type) {
    Column column = functions.lit(value);
    if (value == null || type.getSqlTypeName().getFamily() != SqlTypeFamily.INTERVAL_YEAR_MONTH
        && type.getSqlTypeName().getFamily() != SqlTypeFamily.INTERVAL_DAY_TIME) {
      column = column.cast(SparkTypes.of(type));
    }
    return column;
  }

  /**
   * The value of a literal in the representation Spark rows use: numbers,
   * strings, {@link LocalDate}, {@link LocalDateTime}, intervals as
   * {@link Period} or {@link Duration}.
   */
  public static Object toJava(RexLiteral literal) {
    if (literal.isNull()) {
      return null;
    }
    switch (literal.getType().getSqlTypeName()) {
      case BOOLEAN:
        return literal.getValueAs(Boolean.class);
      case TINYINT:
        return literal.getValueAs(Byte.class);
      case SMALLINT:
        return literal.getValueAs(Short.class);
      case INTEGER:
        return literal.getValueAs(Integer.class);
      case BIGINT:
        return literal.getValueAs(Long.class);
      case DECIMAL:
        return literal.getValueAs(BigDecimal.class);
      case REAL:
        return literal.getValueAs(Float.class);
      case FLOAT:
      case DOUBLE:
        return literal.getValueAs(Double.class);
      case CHAR:
      case VARCHAR:
        return literal.getValueAs(String.class);
      case BINARY:
      case VARBINARY:
        return literal.getValueAs(ByteString.class).getBytes();
      case DATE:
        return LocalDate.ofEpochDay(literal.getValueAs(DateString.class).getDaysSinceEpoch());
      case TIMESTAMP:
        return localDateTime(literal.getValueAs(TimestampString.class));
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return instant(literal.getValueAs(TimestampString.class));
      case SYMBOL:
        return literal.getValue();
      default:
        return intervalOrFail(literal);
    }
  }

  private static Object intervalOrFail(RexLiteral literal) {
    SqlTypeFamily family = literal.getType().getSqlTypeName().getFamily();
    BigDecimal value = literal.getValueAs(BigDecimal.class);
    if (family == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
      return Period.ofMonths(value.intValueExact());
    }
    if (family == SqlTypeFamily.INTERVAL_DAY_TIME) {
      return Duration.ofMillis(value.longValueExact());
    }
    throw new FaiscaException(ErrorCode.NOT_SUPPORTED,
        "Faísca cannot use literals of type " + literal.getType().getFullTypeString() + " yet");
  }

  /** An instant's literal is spelled as the wall-clock time of the session time zone, UTC. */
  private static Instant instant(TimestampString timestamp) {
    return localDateTime(timestamp).toInstant(ZoneOffset.UTC);
  }

  private static LocalDateTime localDateTime(TimestampString timestamp) {
    long millis = timestamp.getMillisSinceEpoch();
    LocalDateTime base = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC);
    String text = timestamp.toString();
    int dot = text.indexOf('.');
    int nanos = 0;
    if (dot >= 0) {
      String fraction = (text.substring(dot + 1) + "000000000").substring(0, 9);
      nanos = Integer.parseInt(fraction);
    }
    return base.withNano(nanos);
  }

  /**
   * A value as Calcite keeps it inside literals and search arguments
   * (BigDecimal, NlsString, DateString...) in Spark's representation for a
   * column of the given type.
   */
  public static Object fromCalcite(Comparable<?> value, RelDataType type) {
    if (value instanceof NlsString nls) {
      return nls.getValue();
    }
    if (value instanceof DateString date) {
      return LocalDate.ofEpochDay(date.getDaysSinceEpoch());
    }
    if (value instanceof TimestampString timestamp) {
      return type.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
          ? instant(timestamp) : localDateTime(timestamp);
    }
    if (value instanceof BigDecimal decimal) {
      switch (type.getSqlTypeName()) {
        case TINYINT:
          return decimal.byteValueExact();
        case SMALLINT:
          return decimal.shortValueExact();
        case INTEGER:
          return decimal.intValueExact();
        case BIGINT:
          return decimal.longValueExact();
        case REAL:
          return decimal.floatValue();
        case FLOAT:
        case DOUBLE:
          return decimal.doubleValue();
        default:
          return decimal;
      }
    }
    return value;
  }

  /** The string of a CHAR or VARCHAR literal. */
  public static String string(RexLiteral literal) {
    NlsString nls = literal.getValueAs(NlsString.class);
    return nls == null ? null : nls.getValue();
  }
}
