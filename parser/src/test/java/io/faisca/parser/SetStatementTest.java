package io.faisca.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlSetOption;
import org.junit.jupiter.api.Test;

/** Session settings are SET and RESET statements, with dotted names as Spark's settings have. */
class SetStatementTest {
  @Test void setsADottedName() {
    SqlSetOption set = (SqlSetOption) FaiscaParser.parse("SET spark.sql.shuffle.partitions = 8");

    assertThat(set.getName().toString()).isEqualTo("spark.sql.shuffle.partitions");
    assertThat(((SqlLiteral) set.getValue()).toValue()).isEqualTo("8");
    assertThat(set.getScope()).isNull();
  }

  @Test void setsAQuotedValue() {
    SqlSetOption set = (SqlSetOption) FaiscaParser.parse("SET statement_timeout = '30s'");

    assertThat(set.getName().toString()).isEqualTo("statement_timeout");
    assertThat(((SqlLiteral) set.getValue()).toValue()).isEqualTo("30s");
  }

  @Test void resetsOneOrAll() {
    SqlSetOption one = (SqlSetOption) FaiscaParser.parse("RESET spark.sql.adaptive.enabled");
    SqlSetOption all = (SqlSetOption) FaiscaParser.parse("RESET ALL");

    assertThat(one.getName().toString()).isEqualTo("spark.sql.adaptive.enabled");
    assertThat(one.getValue()).isNull();
    assertThat(all.getName().toString()).isEqualTo("ALL");
  }

  @Test void keepsTheScope() {
    assertThat(((SqlSetOption) FaiscaParser.parse("ALTER SESSION SET x = 1")).getScope()).isEqualTo("SESSION");
    assertThat(((SqlSetOption) FaiscaParser.parse("ALTER SYSTEM SET x = 1")).getScope()).isEqualTo("SYSTEM");
  }
}
