package io.faisca.runtime.write;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.runtime.lower.TimestampMicros;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.HexFormat;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * A partition value as the name of the directory Spark writes its files in,
 * and back. Spark computes the text ({@link #of}); the files it writes are
 * then described from their directories ({@link #parse}). Each value is
 * written so that it parses back exactly: dates as {@code 2024-02-29},
 * timestamps as microseconds, binary as hex, numbers as Spark prints them.
 */
final class PartitionValueText {
  /**
   * Spark gives NULL, the empty string and the text of its own NULL directory name the same directory;
   * those two texts (and so any text that starts with the mark) are written with a leading mark, which
   * {@link #parse} takes off again.
   */
  private static final String MARK = "~";
  /** The directory text of NULL. */
  static final String NULL = ExternalCatalogUtils.DEFAULT_PARTITION_NAME();

  private PartitionValueText() {
  }

  /** The text of a partition value of Iceberg type {@code type}, computed by Spark; NULL stays NULL. */
  static Column of(Column value, Type type) {
    Column text = switch (type.typeId()) {
      case STRING -> value;
      case BINARY, FIXED -> functions.hex(value);
      case TIMESTAMP -> TimestampMicros.of(value, ((Types.TimestampType) type).shouldAdjustToUTC())
          .cast(DataTypes.StringType);
      default -> value.cast(DataTypes.StringType);
    };
    Column marked = text.equalTo(functions.lit("")).or(text.equalTo(functions.lit(NULL))).or(text.startsWith(MARK));
    return functions.when(marked, functions.concat(functions.lit(MARK), text)).otherwise(text);
  }

  /**
   * Spark may print a decimal in exponent form; the scale Iceberg records is the column's. Truncating
   * the most negative values of a column gives one digit more than the column has, which Iceberg's
   * manifests cannot hold: such a row cannot be written to such a table, by Faísca or by Iceberg.
   */
  private static BigDecimal decimal(String text, Types.DecimalType type) {
    BigDecimal value = new BigDecimal(text).setScale(type.scale());
    if (value.precision() > type.precision()) {
      throw new FaiscaException(ErrorCode.NUMERIC_OUT_OF_RANGE, "A row's partition value " + value.toPlainString()
          + " does not fit DECIMAL(" + type.precision() + ", " + type.scale() + "), as Iceberg records it");
    }
    return value;
  }

  /** The partition value, as Iceberg holds it, that a directory's text stands for. */
  static Object parse(String text, Type type) {
    if (text.equals(NULL)) {
      return null;
    }
    String value = text.startsWith(MARK) ? text.substring(MARK.length()) : text;
    return switch (type.typeId()) {
      case BOOLEAN -> Boolean.parseBoolean(value);
      case INTEGER -> Integer.parseInt(value);
      case LONG, TIMESTAMP -> Long.parseLong(value);
      case FLOAT -> Float.parseFloat(value);
      case DOUBLE -> Double.parseDouble(value);
      case DECIMAL -> decimal(value, (Types.DecimalType) type);
      case DATE -> Math.toIntExact(LocalDate.parse(value).toEpochDay());
      case STRING -> value;
      case BINARY, FIXED -> ByteBuffer.wrap(HexFormat.of().parseHex(value));
      default -> throw new IllegalArgumentException("No partition values of type " + type);
    };
  }
}
