package io.faisca.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.server.ServerProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 TPC-H queries over HTTP (Protobuf; five of them in JSON) answer exactly as the
 * embedded driver does. The same engine stands behind both, so any difference
 * (a label, a type, a scale, a shifted date, a lost digit) is the wire's doing;
 * the embedded answers themselves are checked against DuckDB by {@link TpchOracleTest}
 * (and computed once per JVM, see {@link TpchAnswers}).
 */
class TpchRemoteAnswersTest {
  @Nested
  class Protobuf extends OverHttp {
    Protobuf() {
      super("protobuf");
    }

    static List<String> queries() {
      return TpchQueries.names();
    }
  }

  /** JSON, the other format, carries the queries that between them return every column type TPC-H has. */
  @Nested
  class Json extends OverHttp {
    Json() {
      super("json");
    }

    static List<String> queries() {
      return List.of("q01", "q03", "q10", "q13", "q18");
    }
  }

  /** One server for one wire format, started when its tests begin and stopped when they end. */
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class OverHttp {
    private final String serialization;
    private ServerProcess server;
    private Connection remote;

    OverHttp(String serialization) {
      this.serialization = serialization;
    }

    @BeforeAll
    void startServer() throws Exception {
      server = ServerProcess.start("2g", "--warehouse", TpchTestData.warehouse().toString(),
          "--serialization", serialization);
      remote = DriverManager.getConnection(server.jdbcUrl(serialization));
    }

    @AfterAll
    void stopServer() throws Exception {
      try {
        if (remote != null) {
          remote.close();
        }
      } finally {
        if (server != null) {
          server.close();
        }
      }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void answersAsEmbedded(String query) throws Exception {
      QueryResult actual = QueryResult.read(remote, TpchQueries.text(query));
      assertSameAsEmbedded(serialization + " " + query, actual, TpchAnswers.embedded(query));
    }
  }

  /** Exact equality: values compared with equals, so a DECIMAL must keep its scale too. */
  private static void assertSameAsEmbedded(String what, QueryResult actual, QueryResult expected) {
    assertThat(actual.labels()).as("%s: column labels", what).isEqualTo(expected.labels());
    assertThat(actual.jdbcTypes()).as("%s: JDBC column types", what).isEqualTo(expected.jdbcTypes());
    assertThat(actual.columnTypes()).as("%s: column type names", what).isEqualTo(expected.columnTypes());
    assertThat(actual.scales()).as("%s: column scales", what).isEqualTo(expected.scales());
    assertThat(actual.rows()).as("%s: row count", what).hasSameSizeAs(expected.rows());
    for (int r = 0; r < expected.rows().size(); r++) {
      assertThat(actual.rows().get(r)).as("%s: row %d", what, r + 1).isEqualTo(expected.rows().get(r));
    }
  }
}
