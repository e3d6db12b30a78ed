package io.faisca.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.junit.jupiter.api.Test;

/** EXPLAIN wraps the query it explains. */
class ExplainTest {
  @Test void explainPlanForWrapsTheQuery() {
    SqlNode node = FaiscaParser.parse("EXPLAIN PLAN FOR SELECT a FROM t WHERE a > 1");

    assertThat(node).isInstanceOf(SqlExplain.class);
    SqlExplain explain = (SqlExplain) node;
    assertThat(explain.getExplicandum().getKind()).isEqualTo(SqlKind.SELECT);
    assertThat(explain.withImplementation()).isTrue();
    assertThat(explain.getDetailLevel()).isEqualTo(SqlExplainLevel.EXPPLAN_ATTRIBUTES);
  }

  @Test void explainedQueryKeepsItsLimitAndTrailingSemicolonIsAllowed() {
    SqlExplain explain = (SqlExplain) FaiscaParser.parse("explain plan for select a from t limit 1;");

    assertThat(explain.getExplicandum()).isInstanceOfSatisfying(SqlOrderBy.class,
        orderBy -> assertThat(orderBy.fetch).hasToString("1"));
  }

  @Test void explainWithoutImplementationIsTheLogicalPlan() {
    SqlExplain explain = (SqlExplain) FaiscaParser.parse("EXPLAIN PLAN WITHOUT IMPLEMENTATION FOR SELECT 1");

    assertThat(explain.withImplementation()).isFalse();
  }
}
