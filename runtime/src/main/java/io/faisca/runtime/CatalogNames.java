package io.faisca.runtime;

import io.faisca.catalog.Relation;
import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import io.faisca.catalog.WarehouseSchema;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * Names as statements write them ({@code t} or {@code s.t}), resolved as
 * queries resolve them: an unqualified name is in the default schema, and a
 * name matches exactly, or else ignoring case.
 */
final class CatalogNames {
  private CatalogNames() {
  }

  /** The schema a statement names, as the catalog spells it; a missing one is an error. */
  static String schema(Warehouse warehouse, String written) {
    return warehouse.resolveSchemaName(written, false).orElseThrow(() -> new FaiscaException(
        ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + written + "' does not exist"));
  }

  /**
   * A name as a statement writes it: its schema resolved (it must exist), the name itself as written.
   * An unqualified name is in {@code schema}.
   */
  static TableName written(Warehouse warehouse, SqlIdentifier identifier, String schema) {
    List<String> names = identifier.names;
    if (names.size() > 2) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "'" + identifier + "' is not a name of a table or view:"
          + " write schema.name, or name alone for the default schema");
    }
    return names.size() == 1 ? new TableName(schema, names.get(0))
        : new TableName(schema(warehouse, names.get(0)), names.get(1));
  }

  static TableName written(Warehouse warehouse, SqlIdentifier identifier) {
    return written(warehouse, identifier, WarehouseSchema.NAME);
  }

  /** The table or view a name stands for, if there is one; a missing schema is an error. */
  static Optional<Relation> find(Warehouse warehouse, SqlIdentifier identifier) {
    TableName name = written(warehouse, identifier);
    return warehouse.resolve(name.schema(), name.name(), false);
  }

  /** The table or view a name stands for; none is an error naming what was looked for. */
  static Relation existing(Warehouse warehouse, SqlIdentifier identifier) {
    return find(warehouse, identifier).orElseThrow(() -> new FaiscaException(ErrorCode.TABLE_NOT_FOUND,
        "Table '" + written(warehouse, identifier) + "' does not exist"));
  }

  /** The managed table a statement changes: a raw directory is read-only, a view holds no rows. */
  static TableName managedTable(Warehouse warehouse, SqlIdentifier identifier, String statement) {
    Relation relation = existing(warehouse, identifier);
    switch (relation.kind()) {
      case RAW_TABLE:
        throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Table '" + relation.name() + "' is a directory of"
            + " files, not a table Faísca manages: it is read-only");
      case VIEW:
        throw new FaiscaException(ErrorCode.WRONG_OBJECT_TYPE, "'" + relation.name() + "' is a view; " + statement
            + " changes tables only");
      default:
        return relation.name();
    }
  }

  /**
   * Checks that nothing in the schema has the name, in any case, of a table or view about to be created:
   * one name, one table. With {@code ifNotExists}, a taken name is no error: returns false.
   */
  static boolean free(Warehouse warehouse, TableName name, boolean ifNotExists) {
    Optional<Relation> taken = warehouse.resolve(name.schema(), name.name(), false);
    if (taken.isEmpty()) {
      return true;
    }
    if (ifNotExists) {
      return false;
    }
    throw taken(name, taken.get());
  }

  static FaiscaException taken(TableName name, Relation existing) {
    String as = existing.name().name().equals(name.name()) ? "" : " (as '" + existing.name() + "')";
    String what = switch (existing.kind()) {
      case MANAGED_TABLE -> "Table '" + name + "' already exists" + as;
      case RAW_TABLE -> "Table '" + name + "' already exists" + as + ": it is a directory of data files in the"
          + " warehouse";
      case VIEW -> "View '" + name + "' already exists" + as;
    };
    return new FaiscaException(ErrorCode.TABLE_EXISTS, what);
  }
}
