package io.faisca.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;

/** Syntax errors say where they are and what went wrong, in a message a person can read. */
class SyntaxErrorTest {
  private static FaiscaException syntaxError(String sql) {
    FaiscaException e = catchThrowableOfType(FaiscaException.class, () -> FaiscaParser.parse(sql));
    assertThat(e).as("error for %s", sql).isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
    return e;
  }

  @Test void reportsLineAndColumnOnTheFirstLine() {
    assertThat(syntaxError("SELECT a b c FROM t").getMessage())
        .startsWith("Syntax error at line 1, column 12: Encountered \"c\"");
  }

  @Test void reportsLineAndColumnOnALaterLine() {
    assertThat(syntaxError("SELECT a\nFROM t\nWHERE a = = 1").getMessage())
        .startsWith("Syntax error at line 3, column 9: Encountered \"= =\"");
  }

  @Test void leadingBlankLinesAndIndentationCountInThePosition() {
    // Scripts and tools often send statements indented or after blank lines.
    assertThat(syntaxError("\n\n  SELECT a b c FROM t").getMessage())
        .startsWith("Syntax error at line 3, column 14:");
  }

  @Test void positionOfALexicalErrorIsReported() {
    assertThat(syntaxError("SELECT a FROM `t`").getMessage())
        .startsWith("Syntax error at line 1, column 15:");
  }

  @Test void longListOfExpectedTokensIsLeftOut() {
    FaiscaException e = syntaxError("SELECT * FROM t WHERE");

    // Calcite's own message lists dozens of alternatives; the point is the unexpected end.
    assertThat(e.getCause()).isInstanceOf(SqlParseException.class);
    assertThat(e.getCause().getMessage()).contains("Was expecting one of");
    assertThat(e.getMessage())
        .isEqualTo("Syntax error at line 1, column 21: Encountered \"<EOF>\"");
  }

  @Test void shortListOfExpectedTokensIsKept() {
    assertThat(syntaxError("SELECT a FROM t ORDER a").getMessage())
        .isEqualTo("Syntax error at line 1, column 23: Encountered \"a\". Was expecting: \"BY\" ...");
  }

  @Test void positionIsNotRepeatedInTheReason() {
    assertThat(syntaxError("SELECT a\nFROM t\nWHERE a = = 1").getMessage())
        .containsOnlyOnce("line 3")
        .doesNotContain("Was expecting");
  }

  @Test void carriesTheSyntaxErrorSqlState() {
    assertThat(syntaxError("SELEC 1").sqlState()).isEqualTo("42000");
  }
}
