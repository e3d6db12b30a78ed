package io.faisca.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One hundred queries written as a new user writes them ({@code newuser/queries.sql}),
 * each run through the embedded JDBC driver and through DuckDB over the same Parquet
 * files, the answers compared. A query without a top-level ORDER BY is compared with
 * both answers sorted.
 *
 * <p>A query listed in {@code newuser/known-failures.txt} with its reason is skipped
 * when it fails, and fails the test when it passes, so the list is taken care of.
 */
class NewUserQueriesTest {
  private static final int TIMEOUT_SECONDS = 120;

  private static Connection faisca;
  private static Connection duckDb;
  private static Map<String, String> knownFailures;

  @BeforeAll
  static void connect() throws SQLException {
    faisca = DriverManager.getConnection(TpchTestData.embeddedUrl());
    duckDb = DuckDbOracle.open(TpchTestData.warehouse());
    try (Statement statement = duckDb.createStatement()) {
      // Standard SQL's INTEGER / INTEGER is an INTEGER; DuckDB's "/" gives a DOUBLE unless told otherwise.
      statement.execute("SET integer_division = true");
    }
    knownFailures = knownFailures();
  }

  @AfterAll
  static void close() throws SQLException {
    faisca.close();
    duckDb.close();
  }

  static List<NewUserQuery> queries() {
    return NewUserQuery.load();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void answerEqualsDuckDb(NewUserQuery query) throws Exception {
    String knownFailure = knownFailures.get(query.name());
    if (knownFailure == null) {
      assertSameAnswer(query);
      return;
    }
    Throwable failure = catchThrowable(() -> assertSameAnswer(query));
    assertThat(failure).as("%s is listed as a known failure (%s) but passes: take it off the list",
        query.name(), knownFailure).isNotNull();
    Assumptions.abort("known failure, " + knownFailure + ": " + failure.getMessage());
  }

  private static void assertSameAnswer(NewUserQuery query) throws SQLException {
    QueryResult expected = read(duckDb, query.sql());
    QueryResult actual = read(faisca, query.sql());
    if (query.ordered()) {
      AnswerComparison.assertSameAnswer(query.name(), actual, expected);
    } else {
      AnswerComparison.assertSameAnswer(query.name(), actual.sorted(), expected.sorted());
    }
  }

  private static QueryResult read(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(TIMEOUT_SECONDS);
      return QueryResult.read(statement.executeQuery(sql));
    }
  }

  /** Lines "NAME  reason"; blank lines and lines starting with # are left out. */
  private static Map<String, String> knownFailures() {
    Map<String, String> failures = new TreeMap<>();
    try (InputStream in = NewUserQueriesTest.class.getResourceAsStream("/newuser/known-failures.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] nameAndReason = line.strip().split("\\s+", 2);
          failures.put(nameAndReason[0], nameAndReason.length > 1 ? nameAndReason[1] : "");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return failures;
  }
}
