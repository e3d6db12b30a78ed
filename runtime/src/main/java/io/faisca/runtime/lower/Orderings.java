package io.faisca.runtime.lower;

import org.apache.calcite.rel.RelFieldCollation;
import org.apache.spark.sql.Column;

/** A sort key as Spark takes it, NULLs placed where the collation (or its default) says. */
final class Orderings {
  private Orderings() {
  }

  static Column of(Column column, RelFieldCollation field) {
    RelFieldCollation.NullDirection nulls = field.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
        ? field.getDirection().defaultNullDirection()
        : field.nullDirection;
    boolean nullsFirst = nulls == RelFieldCollation.NullDirection.FIRST;
    if (field.getDirection().isDescending()) {
      return nullsFirst ? column.desc_nulls_first() : column.desc_nulls_last();
    }
    return nullsFirst ? column.asc_nulls_first() : column.asc_nulls_last();
  }
}
