package io.faisca.planner;

import io.faisca.catalog.Warehouse;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;

/** Turns the validator's exceptions into categorized errors with the position in the SQL. */
final class ValidationErrors {
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
  /** Calcite's words for a name missing from a schema that exists. */
  private static final Pattern WITHIN = Pattern.compile("Object '([^']*)' not found within '([^']*)'");

  private ValidationErrors() {
  }

  static FaiscaException translate(CalciteContextException e, Warehouse warehouse) {
    Throwable cause = e.getCause();
    String reason = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
    String where = " (line " + e.getPosLine() + ", column " + e.getPosColumn() + ")";
    ErrorCode code = classify(reason);
    Matcher within = WITHIN.matcher(reason);
    if (code == ErrorCode.TABLE_NOT_FOUND && within.find()) {
      reason = "Table '" + within.group(2) + "." + within.group(1) + "' not found: schema '" + within.group(2)
          + "' has no table or view '" + within.group(1) + "'";
    } else if (code == ErrorCode.TABLE_NOT_FOUND) {
      String name = firstQuoted(reason);
      reason = "Table '" + name + "' not found: " + warehouse.describeMissingTable(name);
    }
    return new FaiscaException(code, reason + where, e);
  }

  private static ErrorCode classify(String reason) {
    if (reason.startsWith("Object '") && reason.contains("not found")
        || reason.startsWith("Table '") && reason.contains("not found")) {
      return ErrorCode.TABLE_NOT_FOUND;
    }
    if (reason.startsWith("Column '") && reason.contains("not found")) {
      return ErrorCode.COLUMN_NOT_FOUND;
    }
    if (reason.startsWith("No match found for function signature")) {
      return ErrorCode.FUNCTION_NOT_FOUND;
    }
    if (reason.startsWith("Cannot apply") || reason.contains("must have compatible types")
        || reason.startsWith("Cannot infer return type") || reason.contains("Type mismatch")
        || reason.contains("type mismatch") || reason.startsWith("Cast function cannot convert")
        || reason.contains("incompatible") || reason.contains("must be a condition")
        || reason.contains("must be boolean")) {
      return ErrorCode.TYPE_MISMATCH;
    }
    return ErrorCode.INVALID_QUERY;
  }

  private static String firstQuoted(String text) {
    Matcher m = QUOTED.matcher(text);
    return m.find() ? m.group(1) : "?";
  }
}
