package io.faisca.tpch;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * A total order on result rows that two engines agree on whatever Java types
 * their drivers return: column by column, NULL first, numbers by value
 * (an INTEGER, a HUGEINT and a DECIMAL of equal value are equal), anything else
 * by its text (dates as yyyy-mm-dd). Sorting both answers of a query without a
 * top-level ORDER BY makes them comparable row by row.
 */
final class CanonicalRowOrder implements Comparator<List<Object>> {
  static final CanonicalRowOrder INSTANCE = new CanonicalRowOrder();

  private CanonicalRowOrder() {
  }

  @Override public int compare(List<Object> a, List<Object> b) {
    for (int c = 0; c < Math.min(a.size(), b.size()); c++) {
      int order = compareValues(a.get(c), b.get(c));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareValues(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
    }
    return a.toString().compareTo(b.toString());
  }
}
