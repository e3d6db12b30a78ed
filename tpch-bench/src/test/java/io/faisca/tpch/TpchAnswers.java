package io.faisca.tpch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The answers of the 22 TPC-H queries, embedded and from DuckDB, computed at
 * most once per test JVM: several test classes compare against them, and on
 * two cores running them again would cost more than all the checks together.
 */
final class TpchAnswers {
  private static final Map<String, QueryResult> EMBEDDED = new HashMap<>();
  private static final Map<String, QueryResult> DUCKDB = new HashMap<>();

  private TpchAnswers() {
  }

  /** The embedded driver's answer. */
  static synchronized QueryResult embedded(String query) throws SQLException {
    QueryResult answer = EMBEDDED.get(query);
    if (answer == null) {
      try (Connection connection = DriverManager.getConnection(TpchTestData.embeddedUrl())) {
        answer = QueryResult.read(connection, TpchQueries.text(query));
      }
      EMBEDDED.put(query, answer);
    }
    return answer;
  }

  /** The oracle's answer, from DuckDB over the same Parquet files. */
  static synchronized QueryResult duckDb(String query) throws SQLException {
    QueryResult answer = DUCKDB.get(query);
    if (answer == null) {
      try (Connection connection = DuckDbOracle.open(TpchTestData.warehouse())) {
        answer = QueryResult.read(connection, TpchQueries.text(query));
      }
      DUCKDB.put(query, answer);
    }
    return answer;
  }
}
