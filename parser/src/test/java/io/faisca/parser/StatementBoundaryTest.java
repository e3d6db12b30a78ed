package io.faisca.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One statement per call: what may follow it, and what is not a statement at all. */
class StatementBoundaryTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT a FROM t;",
      "SELECT a FROM t ;",
      "SELECT a FROM t;;",
      "SELECT a FROM t ; ;\n",
      "SELECT a FROM t;\n\t",
  })
  void trailingSemicolonsAreAllowed(String sql) {
    SqlNode node = FaiscaParser.parse(sql);

    assertThat(node.getKind()).isEqualTo(SqlKind.SELECT);
    assertThat(((SqlIdentifier) ((SqlSelect) node).getFrom()).names).containsExactly("t");
  }

  @Test void semicolonInsideAStringLiteralIsKept() {
    SqlSelect select = (SqlSelect) FaiscaParser.parse("SELECT ';' FROM t;");

    assertThat(select.getSelectList().get(0)).hasToString("';'");
  }

  @Test void secondStatementIsASyntaxError() {
    assertThatThrownBy(() -> FaiscaParser.parse("SELECT a FROM t; SELECT b FROM u"))
        .isInstanceOfSatisfying(FaiscaException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR))
        .hasMessage("Syntax error at line 1, column 18: only one statement can run at a time");
  }

  @Test void commentsMayFollowTheLastSemicolon() {
    assertThat(FaiscaParser.parse("SELECT a FROM t; -- done\n").getKind()).isEqualTo(SqlKind.SELECT);
    assertThat(FaiscaParser.parse("SELECT a FROM t; /* done */").getKind()).isEqualTo(SqlKind.SELECT);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\n\t", ";", " ; ;\n"})
  void noStatementIsAnEmptyStatement(String sql) {
    assertThatThrownBy(() -> FaiscaParser.parse(sql))
        .isInstanceOfSatisfying(FaiscaException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR))
        .hasMessage("Empty SQL statement");
  }
}
