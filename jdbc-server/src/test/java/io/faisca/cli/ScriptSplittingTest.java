package io.faisca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptSplittingTest {
  @Test void cutsAtSemicolonsOutsideStringsIdentifiersAndComments() {
    SqlScript script = SqlScript.parse("""
        -- leading comment; not a statement
        SELECT 'it''s; fine' AS "a;b"; SELECT 2
        /* block; comment */
        ;

        ;
        SELECT 3 -- trailing; comment
        """);
    assertThat(script.statements()).containsExactly(
        new SqlScript.Statement(2, "SELECT 'it''s; fine' AS \"a;b\""),
        new SqlScript.Statement(2, "SELECT 2\n/* block; comment */"),
        new SqlScript.Statement(7, "SELECT 3 -- trailing; comment"));
  }

  @Test void anUnclosedStringRunsToTheEnd() {
    assertThat(SqlScript.parse("SELECT 'open;\nSELECT 1").statements())
        .containsExactly(new SqlScript.Statement(1, "SELECT 'open;\nSELECT 1"));
  }
}
