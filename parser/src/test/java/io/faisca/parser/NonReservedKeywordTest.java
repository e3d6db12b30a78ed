package io.faisca.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keywords that the dialect makes non-reserved are common column names: they
 * must read as plain identifiers wherever a column, alias or table name goes.
 */
class NonReservedKeywordTest {
  /** The list is read from the grammar configuration, so a keyword added there is tested here. */
  static List<String> nonReservedKeywords() throws IOException {
    String config = Files.readString(Path.of("src/main/codegen/config.fmpp"));
    Matcher list = Pattern.compile("nonReservedKeywordsToAdd:\\s*\\[(.*?)]", Pattern.DOTALL).matcher(config);
    assertThat(list.find()).as("nonReservedKeywordsToAdd in config.fmpp").isTrue();
    return Pattern.compile("\"(\\w+)\"").matcher(list.group(1)).results()
        .map(m -> m.group(1))
        .toList();
  }

  @Test void configurationListsTheWordsDataUsesAsColumnNames() throws IOException {
    assertThat(nonReservedKeywords()).contains("YEAR", "MONTH", "VALUE", "COUNT", "USER", "ONE");
  }

  @Test void commonColumnNamesAreIdentifiers() {
    SqlSelect select = (SqlSelect) FaiscaParser.parse("SELECT year, value, count, user FROM t");

    assertThat(select.getSelectList()).allSatisfy(item -> assertThat(item).isInstanceOf(SqlIdentifier.class));
    assertThat(select.getSelectList())
        .extracting(item -> ((SqlIdentifier) item).getSimple())
        .containsExactly("year", "value", "count", "user");
  }

  @ParameterizedTest
  @MethodSource("nonReservedKeywords")
  void keywordNamesAColumn(String keyword) {
    String column = keyword.toLowerCase();
    SqlSelect select = (SqlSelect) FaiscaParser.parse(
        "SELECT " + column + ", t." + column + " FROM t WHERE " + column + " = 1 GROUP BY " + column);

    assertIdentifier(select.getSelectList().get(0), column);
    assertThat(((SqlIdentifier) select.getSelectList().get(1)).names).containsExactly("t", column);
    assertIdentifier(((SqlBasicCall) select.getWhere()).operand(0), column);
    assertIdentifier(select.getGroup().get(0), column);
  }

  @ParameterizedTest
  @MethodSource("nonReservedKeywords")
  void keywordNamesAnAliasOrATable(String keyword) {
    SqlSelect select = (SqlSelect) FaiscaParser.parse(
        "SELECT a AS " + keyword + " FROM " + keyword + " AS " + keyword);

    SqlBasicCall alias = (SqlBasicCall) select.getSelectList().get(0);
    assertThat(alias.getKind()).isEqualTo(SqlKind.AS);
    assertIdentifier(alias.operand(1), keyword);
    SqlBasicCall from = (SqlBasicCall) select.getFrom();
    assertIdentifier(from.operand(0), keyword);
    assertIdentifier(from.operand(1), keyword);
  }

  @Test void functionsOfTheSameNameStillParseAsCalls() {
    SqlSelect select = (SqlSelect) FaiscaParser.parse("SELECT count(*), sum(x), max(x), year(d) FROM t");

    // Calls, not identifiers; the validator resolves the names (kept as written) to functions.
    assertThat(select.getSelectList()).allSatisfy(item -> assertThat(item).isInstanceOf(SqlCall.class))
        .extracting(item -> ((SqlCall) item).getOperator().getName())
        .containsExactly("count", "sum", "max", "year");
  }

  private static void assertIdentifier(SqlNode node, String name) {
    assertThat(node).isInstanceOf(SqlIdentifier.class);
    assertThat(((SqlIdentifier) node).getSimple()).isEqualTo(name);
  }
}
