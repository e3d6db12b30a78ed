package io.faisca.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ways of limiting rows all parse to one offset and fetch count. */
class RowLimitTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      SELECT a FROM t LIMIT 10                                  | none | 10
      SELECT a FROM t LIMIT 10 OFFSET 5                         | 5    | 10
      SELECT a FROM t OFFSET 5 LIMIT 10                         | 5    | 10
      SELECT a FROM t LIMIT 5, 10                               | 5    | 10
      SELECT a FROM t OFFSET 5                                  | 5    | none
      SELECT a FROM t FETCH FIRST 3 ROWS ONLY                   | none | 3
      SELECT a FROM t OFFSET 5 ROWS FETCH NEXT 10 ROWS ONLY     | 5    | 10
      SELECT a FROM t ORDER BY a LIMIT 3;                       | none | 3
      """)
  void parsesOffsetAndFetch(String sql, Integer offset, Integer fetch) {
    SqlOrderBy orderBy = (SqlOrderBy) FaiscaParser.parse(sql);

    assertThat(value(orderBy.offset)).isEqualTo(offset);
    assertThat(value(orderBy.fetch)).isEqualTo(fetch);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      SELECT a FROM t LIMIT 3                  | 0
      SELECT a FROM t ORDER BY a DESC LIMIT 3  | 1
      """)
  void keepsTheOrderingItLimits(String sql, int orderKeys) {
    SqlNodeList orderList = ((SqlOrderBy) FaiscaParser.parse(sql)).orderList;

    assertThat(orderList).hasSize(orderKeys);
  }

  private static Integer value(SqlNode node) {
    return node == null ? null : ((SqlLiteral) node).intValue(true);
  }
}
