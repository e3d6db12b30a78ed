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
  static QueryResult embedded(String query) throws SQLException {
    return cached(EMBEDDED, query, () -> DriverManager.getConnection(TpchTestData.embeddedUrl()));
  }

  /** The oracle's answer, from DuckDB over the same Parquet files. */
  static QueryResult duckDb(String query) throws SQLException {
    return cached(DUCKDB, query, () -> DuckDbOracle.open(TpchTestData.warehouse()));
  }

  /** Opens a connection to answer from. */
  private interface Source {
    Connection open() throws SQLException;
  }

  private static synchronized QueryResult cached(Map<String, QueryResult> answers, String query, Source source)
      throws SQLException {
    QueryResult answer = answers.get(query);
    if (answer == null) {
      try (Connection connection = source.open()) {
        answer = QueryResult.read(connection, TpchQueries.text(query));
      }
      answers.put(query, answer);
    }
    return answer;
  }
}
