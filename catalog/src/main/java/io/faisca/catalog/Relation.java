package io.faisca.catalog;

import static java.util.Objects.requireNonNull;

/**
 * Something a query can name in a schema: a managed table, a raw directory
 * of data files, or a view.
 */
public record Relation(TableName name, Kind kind) {
  public Relation {
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
  }

  /** What a name stands for; one name has one kind in a schema. */
  public enum Kind {
    /** An Iceberg table Faísca created: writable. */
    MANAGED_TABLE,
    /** A directory of data files in the warehouse root: read-only. */
    RAW_TABLE,
    /** A stored query, expanded where a query names it. */
    VIEW;

    public boolean isTable() {
      return this != VIEW;
    }
  }
}
