package io.faisca.runtime;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.apache.spark.SparkThrowable;
import org.apache.spark.TaskKilledException;

/**
 * Turns what Spark throws into Faísca's errors. Spark's own messages name
 * Spark settings and functions the user never wrote; the common conditions
 * get messages of our own, keeping the values Spark reports.
 */
public final class SparkErrors {
  /** Raised by the lowering of a scalar sub-query that returns more than one row. */
  public static final String MORE_THAN_ONE_ROW = "Scalar sub-query returned more than one row";
  /** Raised by LN and LOG10, with PostgreSQL's words. */
  public static final String LOGARITHM_OF_ZERO = "Cannot take the logarithm of zero";
  public static final String LOGARITHM_OF_NEGATIVE = "Cannot take the logarithm of a negative number";
  /** Raised by SUBSTRING given a negative length. */
  public static final String NEGATIVE_SUBSTRING_LENGTH = "Negative substring length not allowed";
  /** Raised by datetime arithmetic whose result leaves SQL's range of years. */
  public static final String DATETIME_OUT_OF_RANGE = "Datetime result out of range (years 1 to 9999)";
  /** How a write says it met a NULL for a NOT NULL column. */
  public static final String NULL_IN_NOT_NULL_COLUMN = "is NOT NULL, and a row gives it NULL";

  private SparkErrors() {
  }

  public static FaiscaException translate(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof FaiscaException faisca) {
        return faisca;
      }
      if (t instanceof SparkThrowable spark && spark.getCondition() != null) {
        FaiscaException translated = translate(spark, t, error);
        if (translated != null) {
          return translated;
        }
      }
      if (t instanceof org.apache.hadoop.security.AccessControlException denied) {
        return new FaiscaException(ErrorCode.PERMISSION_DENIED, firstLine(denied.getMessage()), error);
      }
      if (t instanceof InterruptedException || t instanceof CancellationException
          || t instanceof TaskKilledException) {
        return new FaiscaException(ErrorCode.QUERY_CANCELLED, "Query cancelled", error);
      }
    }
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    // Text only where Spark gives neither a condition nor an exception of its own: a stage cancelled when
    // the context shuts down, or a job aborted because its stage was cancelled, is a plain SparkException.
    if (message.contains("cancelled") || message.contains("canceled")) {
      return new FaiscaException(ErrorCode.QUERY_CANCELLED, "Query cancelled", error);
    }
    return new FaiscaException(ErrorCode.INTERNAL_ERROR, "Query failed in Spark: " + firstLine(message), error);
  }

  private static FaiscaException translate(SparkThrowable spark, Throwable t, Throwable error) {
    String fullCondition = spark.getCondition();
    // Sub-conditions such as NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION only vary the hint.
    String condition = fullCondition.startsWith("FAILED_READ_FILE") ? fullCondition
        : fullCondition.replaceFirst("\\..*$", "");
    Map<String, String> parameters = spark.getMessageParameters();
    if (fullCondition.equals("INVALID_FORMAT.ESC_IN_THE_MIDDLE")
        || fullCondition.equals("INVALID_FORMAT.ESC_AT_THE_END")) {
      // Spark files a LIKE pattern's bad escape under syntax errors (42601); in SQL it is the data's (22025).
      return new FaiscaException(ErrorCode.INVALID_ESCAPE_SEQUENCE, "Invalid escape sequence in a LIKE pattern: "
          + withoutSparkHints(t.getMessage()), t);
    }
    switch (condition) {
      case "DIVIDE_BY_ZERO":
      case "REMAINDER_BY_ZERO":
      case "INTERVAL_DIVIDED_BY_ZERO":
        return new FaiscaException(ErrorCode.DIVISION_BY_ZERO, "Division by zero", t);
      case "ARITHMETIC_OVERFLOW":
      case "BINARY_ARITHMETIC_OVERFLOW":
        return new FaiscaException(ErrorCode.NUMERIC_OUT_OF_RANGE, "Numeric overflow"
            + detail(parameters, "message", "value1", "symbol", "value2"), t);
      case "NUMERIC_VALUE_OUT_OF_RANGE":
        return new FaiscaException(ErrorCode.NUMERIC_OUT_OF_RANGE, "Numeric value out of range: "
            + parameters.getOrDefault("value", "?") + " does not fit DECIMAL("
            + parameters.getOrDefault("precision", "?") + ", " + parameters.getOrDefault("scale", "?") + ")", t);
      case "CAST_OVERFLOW":
        return new FaiscaException(ErrorCode.NUMERIC_OUT_OF_RANGE, "Numeric value out of range: "
            + parameters.getOrDefault("value", "?") + " does not fit " + parameters.getOrDefault("targetType", "?"), t);
      case "CAST_INVALID_INPUT":
        return new FaiscaException(ErrorCode.INVALID_CAST, "Cannot cast "
            + parameters.getOrDefault("expression", "value") + " to " + parameters.getOrDefault("targetType", "?"), t);
      case "USER_RAISED_EXCEPTION":
        String message = parameters.getOrDefault("errorMessage", t.getMessage());
        return new FaiscaException(raisedCode(message), message, t);
      case "FAILED_READ_FILE.FILE_NOT_EXIST":
        FaiscaException unseen = unseenByExecutors(parameters.getOrDefault("path", ""), error);
        if (unseen != null) {
          return unseen;
        }
        return new FaiscaException(ErrorCode.CORRUPT_FILE, "Cannot read file "
            + parameters.getOrDefault("path", "?") + ": " + rootMessage(t), t);
      case "FAILED_READ_FILE.NO_HINT":
      case "FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH":
      case "FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER":
        return new FaiscaException(ErrorCode.CORRUPT_FILE, "Cannot read file "
            + parameters.getOrDefault("path", "?") + ": " + rootMessage(t), t);
      case "PATH_NOT_FOUND":
        return new FaiscaException(ErrorCode.INCONSISTENT_TABLE, "File " + parameters.getOrDefault("path", "?")
            + " does not exist any more: it was removed after the statement was planned", t);
      default:
        if (condition.startsWith("TASK_KILLED") || condition.contains("CANCEL")) {
          return new FaiscaException(ErrorCode.QUERY_CANCELLED, "Query cancelled", t);
        }
        ErrorCode code = forSqlState(spark.getSqlState());
        return code == null ? null : new FaiscaException(code, withoutSparkHints(t.getMessage()), t);
    }
  }

  /**
   * A file on the driver's disk that a task did not find: an executor on another machine, or in another
   * file system view, does not see the driver's local warehouse. Null when the driver does not see it either.
   */
  private static FaiscaException unseenByExecutors(String path, Throwable error) {
    try {
      if (!path.startsWith("file:") || !Files.exists(Path.of(URI.create(path)))) {
        return null;
      }
    } catch (IllegalArgumentException notAFileUri) {
      return null;
    }
    // Spark hands on the task's own error, which does not say where the task ran.
    return new FaiscaException(ErrorCode.IO_ERROR, "File " + path + " is on the driver's disk, but the executors"
        + " cannot read it: on a cluster, every executor must see the warehouse at the same path"
        + " (HDFS, object storage, or a mount all machines share)", error);
  }

  /**
   * Faísca's code for a Spark condition's SQLState: the code with that very state (Spark's 22012, 22003,
   * 22018, 21000...), else by class: a data exception (22) or a cardinality violation (21) is the user's
   * data, a cancelled operation is a cancelled query, memory Spark cannot get (53200) is the server's
   * insufficient resources. Null for any other: Spark analyses plans that Calcite
   * has already validated, so its syntax and access-rule errors (42) are Faísca's own faults, not the user's.
   */
  static ErrorCode forSqlState(String sqlState) {
    if (sqlState == null || sqlState.length() != 5) {
      return null;
    }
    if (sqlState.equals("HY008")) {
      return ErrorCode.QUERY_CANCELLED;
    }
    String sqlClass = sqlState.substring(0, 2);
    if (!Set.of("21", "22", "23", "53", "57").contains(sqlClass)) {
      return null;
    }
    for (ErrorCode code : ErrorCode.values()) {
      if (code.sqlState().equals(sqlState)) {
        return code;
      }
    }
    return switch (sqlClass) {
      case "22" -> ErrorCode.INVALID_ARGUMENT;
      case "21" -> ErrorCode.CARDINALITY_VIOLATION;
      default -> null;
    };
  }

  /**
   * The code of an error the lowering raises on purpose, known by its message: Spark's {@code raise_error}
   * carries a message and nothing else (every such error is USER_RAISED_EXCEPTION, SQLState P0001), so
   * here, and only here, the text decides. The texts are this class's own constants, which the lowering
   * raises, so a change to one changes both sides.
   */
  private static ErrorCode raisedCode(String message) {
    if (message.contains(MORE_THAN_ONE_ROW)) {
      return ErrorCode.CARDINALITY_VIOLATION;
    }
    if (message.contains(NULL_IN_NOT_NULL_COLUMN)) {
      return ErrorCode.NOT_NULL_VIOLATION;
    }
    if (message.contains(LOGARITHM_OF_ZERO) || message.contains(LOGARITHM_OF_NEGATIVE)) {
      return ErrorCode.INVALID_LOGARITHM_ARGUMENT;
    }
    if (message.contains(NEGATIVE_SUBSTRING_LENGTH)) {
      return ErrorCode.SUBSTRING_ERROR;
    }
    if (message.contains(DATETIME_OUT_OF_RANGE)) {
      return ErrorCode.DATETIME_OVERFLOW;
    }
    return ErrorCode.INVALID_ARGUMENT;
  }

  /** Spark's messages end with advice about its own settings and functions; users of Faísca need neither. */
  static String withoutSparkHints(String message) {
    String text = message == null ? "" : message.replaceFirst("^\\[[A-Z_.]+]\\s*", "");
    for (String cut : new String[] {" Use `try_", " If necessary set", " SQLSTATE:", "\n"}) {
      int at = text.indexOf(cut);
      if (at > 0) {
        text = text.substring(0, at);
      }
    }
    return text.strip();
  }

  private static String detail(Map<String, String> parameters, String... keys) {
    for (String key : keys) {
      String value = parameters.get(key);
      if (value != null && !value.isBlank()) {
        return ": " + value;
      }
    }
    return "";
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : firstLine(root.getMessage());
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
