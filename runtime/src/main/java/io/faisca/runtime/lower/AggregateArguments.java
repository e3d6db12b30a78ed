package io.faisca.runtime.lower;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.spark.sql.Column;

/**
 * What an aggregate call reads: its argument columns, the value of each
 * argument that is a constant (null for the others), and the order of its
 * WITHIN GROUP clause.
 */
record AggregateArguments(List<Column> columns, List<Object> constants, List<SortKey> withinGroup) {
  AggregateArguments {
    columns = List.copyOf(columns);
    // A constant per argument, null for a column: List.copyOf takes no nulls.
    constants = Collections.unmodifiableList(new ArrayList<>(constants));
    withinGroup = List.copyOf(withinGroup);
  }

  /** A column to sort by, and how. */
  record SortKey(Column column, RelFieldCollation collation) {
    boolean descending() {
      return collation.getDirection().isDescending();
    }

    boolean nullsFirst() {
      RelFieldCollation.NullDirection nulls = collation.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
          ? collation.getDirection().defaultNullDirection()
          : collation.nullDirection;
      return nulls == RelFieldCollation.NullDirection.FIRST;
    }
  }
}
