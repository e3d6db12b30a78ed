package io.faisca.planner;

import io.faisca.catalog.Warehouse;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.Set;
import org.apache.calcite.runtime.CalciteContextException;

/** Turns the validator's exceptions into categorized errors with the position in the SQL. */
final class ValidationErrors {
  private static final Set<String> TABLE_NOT_FOUND = Set.of("objectNotFound", "objectNotFoundDidYouMean",
      "objectNotFoundWithin", "objectNotFoundWithinDidYouMean", "tableNameNotFound", "tableNameNotFoundDidYouMean",
      "tableNotFound");
  private static final Set<String> COLUMN_NOT_FOUND = Set.of("columnNotFound", "columnNotFoundDidYouMean",
      "columnNotFoundInTable", "columnNotFoundInTableDidYouMean");
  private static final Set<String> FUNCTION_NOT_FOUND = Set.of("validatorUnknownFunction");
  private static final Set<String> TYPE_MISMATCH = Set.of("canNotApplyOp2Type", "cannotCastValue",
      "cannotInferReturnType", "columnTypeMismatchInSetop", "condMustBeBoolean", "havingMustBeBoolean",
      "incompatibleCharset", "incompatibleTypesInList", "incompatibleValueType", "naturalOrUsingColumnNotCompatible",
      "orderByRangeMismatch");

  private ValidationErrors() {
  }

  /**
   * The error's code comes from the Calcite resource that made its message (its {@link CalciteMessages}
   * name), never from the wording; an error of any other origin is a query the validator refused, 42000.
   */
  static FaiscaException translate(CalciteContextException e, Warehouse warehouse) {
    Throwable cause = e.getCause();
    String reason = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
    String where = " (line " + e.getPosLine() + ", column " + e.getPosColumn() + ")";
    CalciteMessages.Match resource = CalciteMessages.match(reason);
    ErrorCode code = resource == null ? ErrorCode.INVALID_QUERY : classify(resource.resource());
    if (code == ErrorCode.TABLE_NOT_FOUND && resource.resource().startsWith("objectNotFoundWithin")) {
      String table = resource.argument(0);
      String schema = resource.argument(1);
      reason = "Table '" + schema + "." + table + "' not found: schema '" + schema
          + "' has no table or view '" + table + "'";
    } else if (code == ErrorCode.TABLE_NOT_FOUND) {
      String name = resource.argument(0);
      reason = "Table '" + name + "' not found: " + warehouse.describeMissingTable(name);
    }
    return new FaiscaException(code, reason + where, e);
  }

  static ErrorCode classify(String resource) {
    if (TABLE_NOT_FOUND.contains(resource)) {
      return ErrorCode.TABLE_NOT_FOUND;
    }
    if (COLUMN_NOT_FOUND.contains(resource)) {
      return ErrorCode.COLUMN_NOT_FOUND;
    }
    if (FUNCTION_NOT_FOUND.contains(resource)) {
      return ErrorCode.FUNCTION_NOT_FOUND;
    }
    if (TYPE_MISMATCH.contains(resource)) {
      return ErrorCode.TYPE_MISMATCH;
    }
    return ErrorCode.INVALID_QUERY;
  }
}
