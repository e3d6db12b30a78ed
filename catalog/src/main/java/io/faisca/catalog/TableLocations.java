package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.ViewCatalog;
import org.apache.iceberg.exceptions.NoSuchViewException;

/**
 * The directories of managed tables and views. A table's directory is its own: dropping the table
 * deletes it, and removing orphan files deletes whatever in it no snapshot references. So the
 * directory {@code CREATE TABLE … LOCATION} names must lie inside an allowed root, inside the warehouse
 * only under a schema's directory (its other directories are raw tables and the catalog's), outside
 * every other table's and view's directory, and be empty or not there yet.
 */
final class TableLocations {
  private final ManagedTables tables;
  private final LocationRoots roots;
  private final Path warehouse;
  private final Configuration conf;

  TableLocations(ManagedTables tables, LocationRoots roots, Path warehouse, Configuration conf) {
    this.tables = tables;
    this.roots = roots;
    this.warehouse = warehouse;
    this.conf = conf;
  }

  /** The directory a {@code LOCATION} names, fully qualified, once it passed every check. */
  String checked(String written) {
    Path location = roots.qualified(written);
    String named = "LOCATION '" + written + "'" + (written.equals(location.toString()) ? "" : " (" + location + ")");
    if (!roots.inside(location)) {
      throw new FaiscaException(ErrorCode.PERMISSION_DENIED, named + " is outside the directories a table may be"
          + " placed in: " + roots.describe() + " (the warehouse, and those given with --location-root or"
          + " locationRoots=)");
    }
    roots.rootWithin(location).ifPresent(root -> {
      throw new FaiscaException(ErrorCode.PERMISSION_DENIED, named + " holds '" + root + "', a directory tables are"
          + " placed in");
    });
    checkInASchemaDirectory(location, named);
    checkInNoOtherDirectory(location, named);
    checkEmpty(location, named);
    return location.toString();
  }

  /** Whether a table's or view's directory is {@code directory} or lies inside it. */
  boolean holdsAny(Path directory) {
    Path qualified = qualified(directory.toString());
    return directories().stream().anyMatch(owned -> LocationRoots.isAtOrUnder(owned.location(), qualified));
  }

  private void checkInASchemaDirectory(Path location, String named) {
    Optional<Path> top = topDirectoryOfWarehouse(location);
    if (top.isPresent() && (top.get().equals(location) || !schemaNames().contains(top.get().getName()))) {
      throw new FaiscaException(ErrorCode.PERMISSION_DENIED, named + " is in the warehouse but not inside a"
          + " schema's directory ('" + warehouse + "/<schema>/...'): the warehouse's other directories are raw"
          + " tables and the catalog's own");
    }
  }

  /** The schemas; only the default one while there is no catalog, which a refused statement never creates. */
  private List<String> schemaNames() {
    return tables.existingCatalog().map(tables::schemaNames).orElse(List.of(WarehouseSchema.NAME));
  }

  /** The directory directly inside the warehouse that is or holds {@code location}; none outside the warehouse. */
  private Optional<Path> topDirectoryOfWarehouse(Path location) {
    for (Path at = location; at.getParent() != null; at = at.getParent()) {
      if (at.getParent().equals(warehouse)) {
        return Optional.of(at);
      }
    }
    return Optional.empty();
  }

  private void checkInNoOtherDirectory(Path location, String named) {
    for (Owned owned : directories()) {
      if (location.equals(owned.location())) {
        throw new FaiscaException(ErrorCode.TABLE_EXISTS, named + " is the directory of " + owned.owner());
      }
      if (LocationRoots.isAtOrUnder(location, owned.location())) {
        throw new FaiscaException(ErrorCode.PERMISSION_DENIED, named + " is inside the directory of " + owned.owner()
            + ", '" + owned.location() + "'");
      }
    }
  }

  private void checkEmpty(Path location, String named) {
    try {
      FileSystem fs = location.getFileSystem(conf);
      FileStatus status = fs.getFileStatus(location);
      if (!status.isDirectory() || fs.listStatus(location).length > 0) {
        throw new FaiscaException(ErrorCode.TABLE_EXISTS, named + " is not empty: a table takes a directory of its"
            + " own, empty or not there yet, for dropping the table deletes it");
      }
    } catch (FileNotFoundException e) {
      // Created with the table.
    } catch (IOException e) {
      throw new FaiscaException(ErrorCode.IO_ERROR, "Cannot look into " + named + ": " + e.getMessage(), e);
    }
  }

  /** The directory of every table and view. */
  private List<Owned> directories() {
    Optional<Catalog> catalog = tables.existingCatalog();
    if (catalog.isEmpty()) {
      return List.of();
    }
    Optional<ViewCatalog> views = tables.existingViewCatalog();
    List<Owned> owned = new ArrayList<>();
    for (String schema : tables.schemaNames(catalog.get())) {
      for (String name : tables.names(schema)) {
        TableName table = new TableName(schema, name);
        tables.load(table).ifPresent(loaded -> owned.add(new Owned("table '" + table + "'",
            qualified(loaded.location()))));
      }
      for (String name : tables.views().names(schema)) {
        TableName view = new TableName(schema, name);
        try {
          owned.add(new Owned("view '" + view + "'",
              qualified(views.orElseThrow().loadView(ManagedTables.identifier(view)).location())));
        } catch (NoSuchViewException e) {
          // Dropped meanwhile.
        }
      }
    }
    return List.copyOf(owned);
  }

  private Path qualified(String location) {
    Path path = new Path(location);
    try {
      return new Path(path.getFileSystem(conf).makeQualified(path).toString());
    } catch (IOException e) {
      throw new FaiscaException(ErrorCode.IO_ERROR, "Cannot reach directory '" + location + "': " + e.getMessage(), e);
    }
  }

  /** A table's or view's directory, and which one it is, for messages. */
  private record Owned(String owner, Path location) {
  }
}
