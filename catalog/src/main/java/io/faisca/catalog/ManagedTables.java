package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.catalog.ViewCatalog;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;

/**
 * The tables Faísca creates: Apache Iceberg tables, registered in an Iceberg
 * catalog whose commits are compare-and-swap, so concurrent writers never lose
 * one another's commits ({@link CatalogSource} says where it lives). A
 * warehouse of raw files only is never written to. Schemas are Iceberg
 * namespaces ({@code default} is always there); table data and metadata live
 * under {@code <warehouse>/<schema>/<table>/}, or in the directory
 * {@code CREATE TABLE … LOCATION} names, and stay there when the table is
 * renamed. The same catalog holds the schemas and, where it can, the views.
 */
public final class ManagedTables implements AutoCloseable {
  static final String SCHEMA = WarehouseSchema.NAME;

  private final String warehouseLocation;
  private final CatalogSource source;
  private final Configuration conf;
  /** Opened with the first table, or on first use once the catalog exists; thread-safe from then on. */
  private volatile Catalog catalog;
  private final ManagedSchemas schemas = new ManagedSchemas(this);
  private final ManagedViews views = new ManagedViews(this);
  private final TableLocations locations;

  ManagedTables(String warehouseLocation, CatalogSource source, LocationRoots roots, Configuration conf) {
    this.warehouseLocation = warehouseLocation;
    this.source = source;
    this.conf = conf;
    this.locations = new TableLocations(this, roots, new Path(warehouseLocation), conf);
  }

  /** The schemas the tables and views live in. */
  public ManagedSchemas schemas() {
    return schemas;
  }

  public ManagedViews views() {
    return views;
  }

  /** Names of the managed tables of a schema, sorted; none if there is no such schema. */
  public List<String> names(String schema) {
    if (!opened()) {
      return List.of();
    }
    try {
      return source.listTables(catalog, Namespace.of(schema), conf).stream().map(TableIdentifier::name).sorted()
          .toList();
    } catch (NoSuchNamespaceException e) {
      return List.of();
    }
  }

  /** The table with exactly this name, if it exists. */
  public Optional<Table> load(TableName name) {
    if (!opened()) {
      return Optional.empty();
    }
    try {
      return Optional.of(catalog.loadTable(identifier(name)));
    } catch (NoSuchTableException e) {
      return Optional.empty();
    }
  }

  /**
   * The directory {@code CREATE TABLE … LOCATION} names, fully qualified, once checked: an absolute path
   * or URI inside an allowed root, in no other table's directory, empty. Refusals are errors; nothing is
   * created.
   */
  public String location(String written) {
    if (!source.renames()) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Tables of warehouse '" + warehouseLocation + "' cannot be"
          + " given a LOCATION: its catalog is the tables' own metadata files, found by their directory's name."
          + " A shared catalog (--catalog-uri) can place them anywhere.");
    }
    return locations.checked(written);
  }

  /**
   * Whether a table is where Faísca would have placed it, in a directory of one of the warehouse's schema
   * directories, rather than where a {@code LOCATION} put it.
   */
  public boolean atDefaultLocation(Table table) {
    Path parent = new Path(table.location()).getParent();
    return parent != null && new Path(warehouseLocation).equals(parent.getParent());
  }

  /** Housekeeping of one of these tables' files. */
  public TableMaintenance maintenance(Table table) {
    return new TableMaintenance(table, conf);
  }

  /** Creates an empty table; an existing one is an error unless {@code ifNotExists}. Returns whether it created one. */
  public boolean create(TableName name, TableDefinition definition, boolean ifNotExists) {
    open();
    try {
      builder(name, definition).create();
      return true;
    } catch (AlreadyExistsException e) {
      if (ifNotExists) {
        return false;
      }
      throw new FaiscaException(ErrorCode.TABLE_EXISTS, "Table '" + name + "' already exists");
    }
  }

  /**
   * Creates a table holding the files {@code write} makes for it, in one commit: until then no one sees
   * the table, and a failure leaves none. An existing table is an error unless {@code ifNotExists}, when
   * nothing is written. Returns the rows written.
   */
  public long createAs(TableName name, TableDefinition definition, boolean ifNotExists,
      Function<Table, List<org.apache.iceberg.DataFile>> write) {
    open();
    Transaction create;
    try {
      create = builder(name, definition).createTransaction();
    } catch (AlreadyExistsException e) {
      if (ifNotExists) {
        return 0;
      }
      throw new FaiscaException(ErrorCode.TABLE_EXISTS, "Table '" + name + "' already exists");
    }
    List<org.apache.iceberg.DataFile> files = write.apply(create.table());
    AppendFiles append = create.newAppend();
    files.forEach(append::appendFile);
    append.commit();
    try {
      create.commitTransaction();
    } catch (AlreadyExistsException e) {
      throw new FaiscaException(ErrorCode.TABLE_EXISTS, "Table '" + name + "' was created by another statement"
          + " while this one wrote its rows");
    }
    return files.stream().mapToLong(org.apache.iceberg.DataFile::recordCount).sum();
  }

  /**
   * Drops a table and, once the catalog has forgotten it, its directory (data, metadata and any files
   * of failed writes); a missing table is an error unless {@code ifExists}. Returns whether it dropped one.
   */
  public boolean drop(TableName name, boolean ifExists) {
    Optional<Table> table = load(name);
    if (table.isEmpty() || !catalog.dropTable(identifier(name), true)) {
      if (!ifExists) {
        throw new FaiscaException(ErrorCode.TABLE_NOT_FOUND, "Table '" + name + "' does not exist");
      }
      return false;
    }
    deleteDirectory(name, new Path(table.get().location()));
    return true;
  }

  /**
   * Renames a table, possibly into another schema. Its files stay where they are: Iceberg's metadata
   * names every file by its full path.
   */
  public void rename(TableName from, TableName to) {
    if (!source.renames()) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Tables of warehouse '" + warehouseLocation + "' cannot be"
          + " renamed: its catalog is the tables' own metadata files, found by their directory's name. A shared"
          + " catalog (--catalog-uri) can rename them.");
    }
    try {
      catalog().renameTable(identifier(from), identifier(to));
    } catch (NoSuchTableException e) {
      throw new FaiscaException(ErrorCode.TABLE_NOT_FOUND, "Table '" + from + "' does not exist", e);
    } catch (NoSuchNamespaceException e) {
      throw new FaiscaException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + to.schema() + "' does not exist", e);
    } catch (AlreadyExistsException e) {
      throw new FaiscaException(ErrorCode.TABLE_EXISTS, "Table '" + to + "' already exists", e);
    }
  }

  /** Removes the directory of a table or view the catalog no longer lists. */
  void deleteDirectory(TableName name, Path location) {
    try {
      location.getFileSystem(conf).delete(location, true);
    } catch (IOException e) {
      throw new FaiscaException(ErrorCode.IO_ERROR, "'" + name + "' was dropped, but its directory '"
          + location + "' could not be removed: " + e.getMessage(), e);
    }
  }

  /**
   * A directory of its own for a new table or view: {@code <warehouse>/<schema>/<name>}, unless a
   * table or view keeps its files there or inside it (one renamed since, or placed there by a
   * {@code LOCATION}); then a fresh one beside it, so that dropping either never deletes the other's
   * files. A directory no table owns holds only what writes that never committed left behind (a killed
   * CREATE TABLE AS): the new table takes it, and its orphan removal clears them.
   */
  String freshLocation(TableName name) {
    String location = schemaDirectory(name.schema()) + "/" + name.name();
    Path path = new Path(location);
    try {
      boolean owned = path.getFileSystem(conf).exists(path) && locations.holdsAny(path);
      return owned ? location + "-" + UUID.randomUUID() : location;
    } catch (IOException e) {
      throw new FaiscaException(ErrorCode.IO_ERROR, "Cannot check directory '" + location + "': "
          + e.getMessage(), e);
    }
  }

  /**
   * Removes the directory of a dropped schema, unless a table renamed into another schema still keeps
   * its files there.
   */
  void removeSchemaDirectory(String schema) {
    Path directory = schemaDirectory(schema);
    try {
      FileSystem fs = directory.getFileSystem(conf);
      if (fs.exists(directory) && fs.listStatus(directory).length == 0) {
        fs.delete(directory, false);
      }
    } catch (IOException e) {
      // Only an empty directory is left behind.
    }
  }

  private Path schemaDirectory(String schema) {
    return new Path(warehouseLocation + "/" + schema);
  }

  /** The catalog, opened (and its database created) if it was not yet. */
  Catalog catalog() {
    open();
    return catalog;
  }

  private SupportsNamespaces namespaces() {
    return (SupportsNamespaces) catalog();
  }

  /** The catalog if it exists: looking at a warehouse never creates one. */
  Optional<Catalog> existingCatalog() {
    return opened() ? Optional.of(catalog) : Optional.empty();
  }

  /** The catalog's views, if it exists: empty too where the catalog keeps no views. */
  Optional<ViewCatalog> existingViewCatalog() {
    return existingCatalog().filter(ViewCatalog.class::isInstance).map(ViewCatalog.class::cast);
  }

  /** The catalog's views; an error where the catalog keeps none. */
  ViewCatalog viewCatalog() {
    if (catalog() instanceof ViewCatalog views) {
      return views;
    }
    throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Warehouse '" + warehouseLocation + "' keeps its tables'"
        + " catalog in their metadata files, which hold no views; a shared catalog (--catalog-uri) holds them");
  }

  /** The names of the catalog's schemas. */
  List<String> schemaNames(Catalog opened) {
    return source.schemaNames(opened, conf);
  }

  void createSchema(String name) {
    source.createSchema(catalog(), name, conf);
  }

  void dropSchema(String name) {
    source.dropSchema(catalog(), name, conf);
  }

  private Catalog.TableBuilder builder(TableName name, TableDefinition definition) {
    if (!namespaces().namespaceExists(Namespace.of(name.schema()))) {
      throw new FaiscaException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + name.schema() + "' does not exist");
    }
    Catalog.TableBuilder builder = catalog.buildTable(identifier(name), definition.schema())
        .withPartitionSpec(definition.spec())
        .withProperties(definition.properties());
    if (definition.location().isPresent()) {
      // Checked again: another statement may have taken the directory since this one was prepared.
      return builder.withLocation(location(definition.location().get()));
    }
    // A catalog of metadata files finds a table by its directory's name: it chooses the location itself.
    return source.renames() ? builder.withLocation(freshLocation(name)) : builder;
  }

  @Override public synchronized void close() {
    if (catalog instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new FaiscaException(ErrorCode.IO_ERROR, "Cannot close the table catalog: " + e.getMessage(), e);
      }
    }
    catalog = null;
  }

  private synchronized boolean opened() {
    if (catalog == null && source.exists()) {
      open();
    }
    return catalog != null;
  }

  private synchronized void open() {
    if (catalog != null) {
      return;
    }
    Catalog opened = source.open(conf);
    SupportsNamespaces namespaces = (SupportsNamespaces) opened;
    if (!namespaces.namespaceExists(Namespace.of(SCHEMA))) {
      try {
        namespaces.createNamespace(Namespace.of(SCHEMA));
      } catch (AlreadyExistsException e) {
        // Another process created it meanwhile.
      }
    }
    catalog = opened;
  }

  static TableIdentifier identifier(TableName name) {
    return TableIdentifier.of(name.schema(), name.name());
  }
}
