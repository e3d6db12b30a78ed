package io.faisca.slt;

import java.util.List;

/** One record of a sqllogictest file that applies to Faísca, with the line it starts on. */
sealed interface SltRecord {
  int line();

  String sql();

  /** {@code statement ok} or {@code statement error}. */
  record Statement(int line, String sql, boolean fails) implements SltRecord {
  }

  /**
   * {@code query <types> [nosort | rowsort | valuesort]}: the expected values one by one, or, above the
   * file's hash threshold, how many there are and the MD5 of them.
   */
  record Query(int line, String sql, String types, SortMode sort, List<String> values, int valueCount, String hash)
      implements SltRecord {
    boolean hashed() {
      return hash != null;
    }
  }

  enum SortMode { NOSORT, ROWSORT, VALUESORT }
}
