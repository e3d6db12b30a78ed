package io.faisca.catalog;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The warehouse as Calcite's root schema: one sub-schema per schema of the
 * catalog, looked up when a query names it, so a schema created by another
 * session is there at once.
 */
public final class WarehouseRoot extends AbstractSchema {
  private final Warehouse warehouse;

  public WarehouseRoot(Warehouse warehouse) {
    this.warehouse = requireNonNull(warehouse, "warehouse");
  }

  @Override public Lookup<? extends Schema> subSchemas() {
    return new Lookup<Schema>() {
      @Override public @Nullable Schema get(String name) {
        return warehouse.resolveSchemaName(name, true).map(WarehouseRoot.this::schema).orElse(null);
      }

      @Override public @Nullable Named<Schema> getIgnoreCase(String name) {
        return warehouse.resolveSchemaName(name, false).map(found -> new Named<>(found, schema(found))).orElse(null);
      }

      @Override public Set<String> getNames(LikePattern pattern) {
        Predicate<String> matches = pattern.matcher()::apply;
        Set<String> names = new LinkedHashSet<>();
        warehouse.schemaNames().stream().filter(matches).forEach(names::add);
        return names;
      }
    };
  }

  /**
   * Type names beyond the standard's: {@code TEXT}, PostgreSQL's and SQLite's name for a string of any
   * length, is {@code VARCHAR}.
   */
  @Override protected Map<String, RelProtoDataType> getTypeMap() {
    return Map.of("TEXT", types -> types.createSqlType(SqlTypeName.VARCHAR));
  }

  private Schema schema(String name) {
    return new WarehouseSchema(warehouse, name);
  }

  @Override public boolean isMutable() {
    return false;
  }
}
