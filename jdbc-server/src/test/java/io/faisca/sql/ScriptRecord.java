package io.faisca.sql;

import java.util.List;
import java.util.Set;

/**
 * One record of a SQL script: a query with its expected rows, a statement
 * expected to fail with a SQLState, or a query with its expected plan.
 *
 * @param kind what the record checks
 * @param line line of the record's header in the file
 * @param sql the statement
 * @param flags options from the header: {@code rowsort} (order-insensitive), {@code manual}
 *     (expected rows written by hand, never completed from the oracle)
 * @param types expected result column types, or null to skip the check
 * @param sqlState expected SQLState of an {@code error} record
 * @param message expected fragment of an {@code error} record's message
 * @param expected expected lines: rows (tab-separated values) or plan lines
 */
record ScriptRecord(Kind kind, int line, String sql, Set<String> flags, List<String> types,
    String sqlState, String message, List<String> expected) {

  enum Kind { QUERY, ERROR, PLAN }

  boolean rowSort() {
    return flags.contains("rowsort");
  }

  boolean manual() {
    return flags.contains("manual");
  }

  String name() {
    String firstLine = sql.lines().findFirst().orElse("").strip();
    return "line " + line + ": " + (firstLine.length() > 70 ? firstLine.substring(0, 70) + "..." : firstLine);
  }

  ScriptRecord withExpected(List<String> lines) {
    return new ScriptRecord(kind, line, sql, flags, types, sqlState, message, List.copyOf(lines));
  }
}
