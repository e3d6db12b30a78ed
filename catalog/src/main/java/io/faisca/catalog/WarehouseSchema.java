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
 * One schema of the warehouse as a Calcite schema: its tables and views.
 * Tables are looked up one at a time, so a query reads only the footers of
 * the tables it names.
 */
public final class WarehouseSchema extends AbstractSchema {
  /** The schema of the raw directories and of unqualified names. */
  public static final String NAME = "default";

  private final Warehouse warehouse;
  private final String name;

  public WarehouseSchema(Warehouse warehouse, String name) {
    this.warehouse = requireNonNull(warehouse, "warehouse");
    this.name = requireNonNull(name, "name");
  }

  @Override public Lookup<Table> tables() {
    return new Lookup<>() {
      @Override public @Nullable Table get(String table) {
        return warehouse.resolve(name, table, true).map(WarehouseSchema.this::load).orElse(null);
      }

      @Override public @Nullable Named<Table> getIgnoreCase(String table) {
        // A name can be listed yet hold no table, e.g. the directory of a table whose creation was killed.
        return warehouse.resolve(name, table, false)
            .flatMap(found -> java.util.Optional.ofNullable(load(found)).map(loaded -> new Named<>(found.name().name(),
                loaded)))
            .orElse(null);
      }

      @Override public Set<String> getNames(LikePattern pattern) {
        Predicate<String> matches = pattern.matcher()::apply;
        Set<String> names = new LinkedHashSet<>();
        warehouse.relations(name).stream().map(r -> r.name().name()).filter(matches).forEach(names::add);
        return names;
      }
    };
  }

  private @Nullable Table load(Relation relation) {
    if (relation.kind() == Relation.Kind.VIEW) {
      return warehouse.view(relation.name()).map(StoredView::new).orElse(null);
    }
    return warehouse.table(relation.name()).map(metadata -> new FileTable(relation.name(), metadata)).orElse(null);
  }

  @Override public boolean isMutable() {
    return false;
  }
}
