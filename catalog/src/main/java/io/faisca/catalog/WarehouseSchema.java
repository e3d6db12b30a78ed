package io.faisca.catalog;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The warehouse as a Calcite schema. Tables are looked up one at a time, so
 * a query reads only the footers of the tables it names.
 */
public final class WarehouseSchema extends AbstractSchema {
  /** The name under which the warehouse's tables are visible, and the default schema. */
  public static final String NAME = "default";

  private final Warehouse warehouse;

  public WarehouseSchema(Warehouse warehouse) {
    this.warehouse = requireNonNull(warehouse, "warehouse");
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  @Override public Lookup<Table> tables() {
    return new Lookup<>() {
      @Override public @Nullable Table get(String name) {
        return warehouse.resolveTableName(name, true).map(WarehouseSchema.this::load).orElse(null);
      }

      @Override public @Nullable Named<Table> getIgnoreCase(String name) {
        // A name can be listed yet hold no table, e.g. the directory of a table whose creation was killed.
        return warehouse.resolveTableName(name, false)
            .flatMap(found -> java.util.Optional.ofNullable(load(found)).map(table -> new Named<>(found, table)))
            .orElse(null);
      }

      @Override public Set<String> getNames(LikePattern pattern) {
        Predicate<String> matches = pattern.matcher()::apply;
        Set<String> names = new LinkedHashSet<>();
        warehouse.tableNames().stream().filter(matches).forEach(names::add);
        return names;
      }
    };
  }

  private @Nullable Table load(String name) {
    return warehouse.table(name).map(FileTable::new).orElse(null);
  }

  @Override public boolean isMutable() {
    return false;
  }
}
