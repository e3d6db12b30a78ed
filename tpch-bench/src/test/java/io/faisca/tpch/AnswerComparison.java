package io.faisca.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Compares Faísca's answer with the oracle's, row by row and column by
 * column, in order. Where the oracle computes a DOUBLE for what Faísca types
 * as DECIMAL(p, s) (averages, decimal division), the oracle's value rounded
 * half-up to scale s must match, give or take one unit in the last place
 * that the double's own rounding may cost, or the digits past a double's
 * precision (about 15 significant digits) when the scale asks for more.
 */
final class AnswerComparison {
  /** Relative error a double's 53-bit mantissa, rounded a few times over, may carry. */
  private static final BigDecimal DOUBLE_RELATIVE_ERROR = new BigDecimal("1e-13");

  private AnswerComparison() {
  }

  static void assertSameAnswer(String query, QueryResult actual, QueryResult expected) {
    assertThat(actual.rows()).as("%s: row count", query).hasSameSizeAs(expected.rows());
    assertThat(actual.columnTypes()).as("%s: column count", query).hasSameSizeAs(expected.columnTypes());
    for (int r = 0; r < actual.rows().size(); r++) {
      List<Object> actualRow = actual.rows().get(r);
      List<Object> expectedRow = expected.rows().get(r);
      for (int c = 0; c < actualRow.size(); c++) {
        String where = query + " row " + (r + 1) + " column " + (c + 1) + " (" + actual.columnTypes().get(c) + ")";
        assertSameValue(where, actualRow.get(c), expectedRow.get(c), actual.columnTypes().get(c),
            actual.scales().get(c));
      }
    }
  }

  private static void assertSameValue(String where, Object actual, Object expected, String type, int scale) {
    if (actual == null || expected == null) {
      assertThat(actual).as(where).isEqualTo(expected);
      return;
    }
    if (type.startsWith("DECIMAL")) {
      BigDecimal a = (BigDecimal) actual;
      if (expected instanceof Double || expected instanceof Float) {
        BigDecimal e = BigDecimal.valueOf(((Number) expected).doubleValue()).setScale(scale, RoundingMode.HALF_UP);
        BigDecimal ulp = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal tolerance = ulp.max(e.abs().multiply(DOUBLE_RELATIVE_ERROR));
        if (a.subtract(e).abs().compareTo(tolerance) > 0) {
          fail("%s: expected %s (oracle double %s) but was %s", where, e, expected, a);
        }
        return;
      }
      assertThat(a).as(where).isEqualByComparingTo(new BigDecimal(expected.toString()));
      return;
    }
    if (actual instanceof Double || actual instanceof Float) {
      double a = ((Number) actual).doubleValue();
      double e = ((Number) expected).doubleValue();
      assertThat(Math.abs(a - e)).as(where + ": " + a + " vs " + e).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(e)));
      return;
    }
    if (actual instanceof Number a && expected instanceof Number e) {
      // By value, so that an integer is not taken for a double with a fraction.
      assertThat(new BigDecimal(a.toString())).as(where).isEqualByComparingTo(new BigDecimal(e.toString()));
      return;
    }
    if (actual instanceof java.sql.Date || expected instanceof LocalDate || expected instanceof java.sql.Date) {
      assertThat(LocalDate.parse(actual.toString())).as(where).isEqualTo(LocalDate.parse(expected.toString()));
      return;
    }
    assertThat(actual.toString()).as(where).isEqualTo(expected.toString());
  }
}
