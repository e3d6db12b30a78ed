package io.faisca.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.parser.ddl.SqlCreateView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A view keeps its query as it was written: the text each query shape was parsed from. */
class SqlTextTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT a, b FROM t WHERE a > 1",
      "SELECT a FROM t UNION ALL SELECT b FROM u",
      "SELECT a FROM t ORDER BY a DESC LIMIT 3",
      "WITH w AS (SELECT 1 AS x) SELECT x FROM w",
      "VALUES (1, 'a'), (2, 'b')",
      "SELECT \"Quoted\"\n  -- a comment\n  FROM s.t",
      "(SELECT a FROM t) EXCEPT (SELECT a FROM u)",
      "SELECT 'it''s' AS s FROM t"})
  void aViewsQueryIsTheTextAfterAs(String query) {
    String sql = "CREATE VIEW v AS " + query;
    SqlCreateView view = (SqlCreateView) FaiscaParser.parse(sql + ";");
    String text = SqlText.of(sql, view.queryText);
    assertThat(text).isEqualTo(query);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sales", "Sales", "x_1", "value"})
  void plainNamesStayBare(String name) {
    assertThat(Identifiers.sql(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "select", "two words", "1st", "say \"hi\""})
  void otherNamesAreQuotedAndReadBack(String name) {
    String quoted = Identifiers.sql(name);
    assertThat(quoted).startsWith("\"").endsWith("\"");
    SqlCreateView view = (SqlCreateView) FaiscaParser.parse("CREATE VIEW " + quoted + " AS VALUES 1");
    assertThat(view.name.getSimple()).isEqualTo(name);
  }
}
