package io.faisca.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import org.junit.jupiter.api.Test;

/** Statements too long or too deeply nested are refused before the parser recurses into them. */
class SqlLimitsTest {
  @Test
  void nestingCountsParenthesesOutsideQuotesAndComments() {
    assertThat(SqlLimits.nesting("SELECT ((1)), '(((', \"((\" -- ((((\n /* ((( */ FROM t")).isEqualTo(2);
    assertThat(SqlLimits.nesting("SELECT 'it''s (' FROM t WHERE (a)")).isEqualTo(1);
  }

  @Test
  void tooDeepIsRefusedWithItsDepth() {
    String deep = "SELECT " + "(".repeat(5000) + "1" + ")".repeat(5000);
    assertThatThrownBy(() -> FaiscaParser.parse(deep))
        .isInstanceOf(FaiscaException.class)
        .hasMessage("The statement nests parentheses 5000 deep; the limit is 200")
        .satisfies(e -> assertThat(((FaiscaException) e).code()).isEqualTo(ErrorCode.QUERY_TOO_COMPLEX));
  }

  @Test
  void tooLongIsRefusedWithItsLength() {
    assertThatThrownBy(() -> FaiscaParser.parse("SELECT 1 -- " + "x".repeat(100), new SqlLimits(50, 10)))
        .isInstanceOf(FaiscaException.class)
        .hasMessage("The statement has 112 characters; the limit is 50")
        .satisfies(e -> assertThat(((FaiscaException) e).sqlState()).isEqualTo("54000"));
  }

  @Test
  void withinTheLimitsParsingProceeds() {
    assertThat(FaiscaParser.parse("SELECT " + "(".repeat(150) + "1" + ")".repeat(150))).isNotNull();
  }

  @Test
  void aDeepChainWithoutParenthesesDoesNotOverflowTheStack() {
    String chain = "SELECT 1" + " + 1".repeat(20000);
    try {
      assertThat(FaiscaParser.parse(chain)).isNotNull();
    } catch (FaiscaException e) {
      assertThat(e.code()).isEqualTo(ErrorCode.QUERY_TOO_COMPLEX);
    }
  }
}
