package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;

/**
 * Schemas of managed tables and views: Iceberg namespaces of one level. The
 * default schema is always there; the tables of schema {@code s} live under
 * {@code <warehouse>/s/}. Names are unique ignoring case, as SQL resolves
 * unquoted names.
 */
public final class ManagedSchemas {
  private final ManagedTables tables;

  ManagedSchemas(ManagedTables tables) {
    this.tables = tables;
  }

  /** The schemas created in the catalog, sorted; none before the catalog has a database. */
  public List<String> names() {
    return tables.existingCatalog().map(tables::schemaNames).orElse(List.of());
  }

  /**
   * Creates a schema; an existing one (in any case) is an error unless {@code ifNotExists}. The name is
   * a directory's: no path separators, and not hidden as a directory.
   */
  public boolean create(String name, boolean ifNotExists) {
    if (name.isEmpty() || name.contains(".") || name.contains("/") || name.contains("\\") || name.startsWith("_")) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "'" + name + "' cannot name a schema: it names the"
          + " schema's directory, so it has no '.', '/' or '\\' and does not start with '_'");
    }
    Optional<String> existing = names().stream().filter(name::equalsIgnoreCase).findFirst();
    if (existing.isEmpty() && !WarehouseSchema.NAME.equalsIgnoreCase(name)) {
      try {
        tables.createSchema(name);
        return true;
      } catch (AlreadyExistsException e) {
        existing = Optional.of(name);
      }
    }
    if (ifNotExists) {
      return false;
    }
    String found = existing.orElse(WarehouseSchema.NAME);
    throw new FaiscaException(ErrorCode.SCHEMA_EXISTS, "Schema '" + name + "' already exists"
        + (found.equals(name) ? "" : " (as '" + found + "')"));
  }

  /**
   * Drops an empty schema, or with {@code cascade} its views and tables first (each with its
   * directory), then the schema's directory if nothing else is left in it. Not one commit: a
   * failure part way leaves the schema with fewer tables. The default schema stays.
   */
  public boolean drop(String name, boolean ifExists, boolean cascade) {
    if (name.equals(WarehouseSchema.NAME)) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Schema '" + name + "' holds the raw directories of the"
          + " warehouse and tables created without a schema; it cannot be dropped");
    }
    if (!names().contains(name)) {
      if (ifExists) {
        return false;
      }
      throw new FaiscaException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + name + "' does not exist");
    }
    List<String> tableNames = tables.names(name);
    List<String> viewNames = tables.views().names(name);
    if (!cascade && !(tableNames.isEmpty() && viewNames.isEmpty())) {
      throw notEmpty(name, tableNames, viewNames, null);
    }
    viewNames.forEach(view -> tables.views().drop(new TableName(name, view), true));
    tableNames.forEach(table -> tables.drop(new TableName(name, table), true));
    try {
      tables.dropSchema(name);
    } catch (NamespaceNotEmptyException e) {
      throw notEmpty(name, tables.names(name), tables.views().names(name), e);
    }
    tables.removeSchemaDirectory(name);
    return true;
  }

  private static FaiscaException notEmpty(String name, List<String> tableNames, List<String> viewNames,
      Exception cause) {
    List<String> held = new ArrayList<>();
    if (!tableNames.isEmpty()) {
      held.add("tables " + String.join(", ", tableNames));
    }
    if (!viewNames.isEmpty()) {
      held.add("views " + String.join(", ", viewNames));
    }
    return new FaiscaException(ErrorCode.SCHEMA_NOT_EMPTY, "Schema '" + name + "' is not empty: it holds "
        + String.join(" and ", held) + ". Drop them first, or use DROP SCHEMA " + name + " CASCADE", cause);
  }
}
