package io.faisca.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.error.FaiscaException;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

/** Identifiers keep the case they are written in, quoted or not. */
class IdentifierCaseTest {
  private static SqlSelect select(String sql) {
    return (SqlSelect) FaiscaParser.parse(sql);
  }

  private static SqlIdentifier item(SqlSelect select, int index) {
    return (SqlIdentifier) select.getSelectList().get(index);
  }

  private static String alias(SqlNode aliased) {
    return ((SqlIdentifier) ((SqlBasicCall) aliased).operand(1)).getSimple();
  }

  @Test void unquotedIdentifiersKeepTheirCase() {
    SqlSelect select = select("SELECT MyCol, lower_col, UPPER_COL FROM MySchema.MyTable");

    assertThat(item(select, 0).names).containsExactly("MyCol");
    assertThat(item(select, 1).names).containsExactly("lower_col");
    assertThat(item(select, 2).names).containsExactly("UPPER_COL");
    assertThat(((SqlIdentifier) select.getFrom()).names).containsExactly("MySchema", "MyTable");
  }

  @Test void doubleQuotedIdentifiersKeepTheirCaseAndSpaces() {
    SqlSelect select = select("SELECT \"Mixed Case\", \"lower\", \"a\"\"b\" FROM \"My Table\"");

    assertThat(item(select, 0).names).containsExactly("Mixed Case");
    assertThat(item(select, 0).isComponentQuoted(0)).isTrue();
    assertThat(item(select, 1).names).containsExactly("lower");
    // A doubled quote inside a quoted identifier stands for one quote.
    assertThat(item(select, 2).names).containsExactly("a\"b");
    assertThat(((SqlIdentifier) select.getFrom()).names).containsExactly("My Table");
  }

  @Test void aliasesKeepTheirCase() {
    SqlSelect select = select("SELECT a AS Total, b AS \"Grand Total\" FROM t");

    assertThat(alias(select.getSelectList().get(0))).isEqualTo("Total");
    assertThat(alias(select.getSelectList().get(1))).isEqualTo("Grand Total");
  }

  @Test void singleQuotesMakeAStringNotAnIdentifier() {
    SqlNode item = select("SELECT 'MyCol' FROM t").getSelectList().get(0);

    assertThat(item).isInstanceOf(SqlCharStringLiteral.class);
    assertThat(((SqlCharStringLiteral) item).getValueAs(String.class)).isEqualTo("MyCol");
  }

  @Test void backticksDoNotQuoteIdentifiers() {
    assertThatThrownBy(() -> FaiscaParser.parse("SELECT `a` FROM t")).isInstanceOf(FaiscaException.class);
  }
}
