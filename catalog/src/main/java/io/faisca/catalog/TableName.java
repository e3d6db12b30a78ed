package io.faisca.catalog;

import static java.util.Objects.requireNonNull;

/**
 * The name of a table or view: its schema and its name in it, each exactly
 * as the catalog spells it.
 */
public record TableName(String schema, String name) {
  public TableName {
    requireNonNull(schema, "schema");
    requireNonNull(name, "name");
  }

  /** A name in the default schema, where raw directories and unqualified names live. */
  public static TableName ofDefault(String name) {
    return new TableName(WarehouseSchema.NAME, name);
  }

  public boolean inDefaultSchema() {
    return schema.equals(WarehouseSchema.NAME);
  }

  /** As messages show it: qualified only outside the default schema, as users write it. */
  @Override public String toString() {
    return inDefaultSchema() ? name : schema + "." + name;
  }
}
