package io.faisca.tpch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** All 22 TPC-H queries through the embedded JDBC driver, answers checked against DuckDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TpchOracleTest {
  private Connection faisca;
  private Connection duckdb;

  @BeforeAll
  void connect() throws Exception {
    Path warehouse = TpchTestData.warehouse();
    faisca = DriverManager.getConnection("jdbc:faisca:warehouse=" + warehouse + ";master=local[2]");
    duckdb = DuckDbOracle.open(warehouse);
  }

  @AfterAll
  void close() throws Exception {
    faisca.close();
    duckdb.close();
  }

  static List<String> queries() {
    return TpchQueries.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void answerEqualsDuckDb(String query) throws Exception {
    String sql = TpchQueries.text(query);
    QueryResult expected = QueryResult.read(duckdb, sql);
    QueryResult actual = QueryResult.read(faisca, sql);
    AnswerComparison.assertSameAnswer(query, actual, expected);
  }
}
