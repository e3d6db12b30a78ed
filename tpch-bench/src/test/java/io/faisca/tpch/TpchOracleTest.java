package io.faisca.tpch;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** All 22 TPC-H queries through the embedded JDBC driver, answers checked against DuckDB. */
class TpchOracleTest {
  static List<String> queries() {
    return TpchQueries.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void answerEqualsDuckDb(String query) throws Exception {
    AnswerComparison.assertSameAnswer(query, TpchAnswers.embedded(query), TpchAnswers.duckDb(query));
  }
}
