package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import java.util.function.Function;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * The tables Faísca creates: Apache Iceberg tables, registered in an Iceberg
 * JDBC catalog whose commits are compare-and-swap on a row, so concurrent
 * writers never lose one another's commits. A local warehouse keeps the
 * catalog in an embedded SQLite database, {@code .faisca/catalog.db} under
 * its root, created with the first table: a warehouse of raw files only is
 * never written to. Schemas are Iceberg namespaces ({@code default} is
 * always there); table data and metadata live under
 * {@code <warehouse>/<schema>/<table>/}, and stay there when the table is
 * renamed. The same catalog holds the schemas and the views.
 */
public final class ManagedTables implements AutoCloseable {
  static final String SCHEMA = WarehouseSchema.NAME;
  private static final String CATALOG_NAME = "faisca";

  private final String warehouseLocation;
  private final java.nio.file.Path database;
  private final Configuration conf;
  /** Opened with the first table, or on first use once the database exists; thread-safe from then on. */
  private volatile JdbcCatalog catalog;
  private final ManagedSchemas schemas = new ManagedSchemas(this);
  private final ManagedViews views = new ManagedViews(this);

  private ManagedTables(String warehouseLocation, java.nio.file.Path database, Configuration conf) {
    this.warehouseLocation = warehouseLocation;
    this.database = database;
    this.conf = conf;
  }

  /** The schemas the tables and views live in. */
  public ManagedSchemas schemas() {
    return schemas;
  }

  public ManagedViews views() {
    return views;
  }

  /** The managed tables of a warehouse; empty when it is not on a local disk (not supported yet). */
  static Optional<ManagedTables> of(Path root, Configuration conf) {
    if (!"file".equals(root.toUri().getScheme())) {
      return Optional.empty();
    }
    java.nio.file.Path local = java.nio.file.Path.of(root.toUri());
    return Optional.of(new ManagedTables(root.toString(), local.resolve(".faisca").resolve("catalog.db"), conf));
  }

  /** Names of the managed tables of a schema, sorted; none if there is no such schema. */
  public List<String> names(String schema) {
    if (!opened()) {
      return List.of();
    }
    try {
      return catalog.listTables(Namespace.of(schema)).stream().map(TableIdentifier::name).sorted().toList();
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

  /** Creates an empty table; an existing one is an error unless {@code ifNotExists}. Returns whether it created one. */
  public boolean create(TableName name, Schema schema, FileFormat format, boolean ifNotExists) {
    open();
    try {
      builder(name, schema, format).create();
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
  public long createAs(TableName name, Schema schema, FileFormat format, boolean ifNotExists,
      Function<Table, List<org.apache.iceberg.DataFile>> write) {
    open();
    Transaction create;
    try {
      create = builder(name, schema, format).createTransaction();
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
   * table renamed since still keeps its files there; then a fresh one beside it, so that dropping
   * either never deletes the other's files.
   */
  String freshLocation(TableName name) {
    String location = schemaDirectory(name.schema()) + "/" + name.name();
    Path path = new Path(location);
    try {
      return path.getFileSystem(conf).exists(path) ? location + "-" + UUID.randomUUID() : location;
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
  JdbcCatalog catalog() {
    open();
    return catalog;
  }

  /** The catalog if its database exists: looking at a warehouse never creates one. */
  Optional<JdbcCatalog> existingCatalog() {
    return opened() ? Optional.of(catalog) : Optional.empty();
  }

  private Catalog.TableBuilder builder(TableName name, Schema schema, FileFormat format) {
    if (!catalog.namespaceExists(Namespace.of(name.schema()))) {
      throw new FaiscaException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + name.schema() + "' does not exist");
    }
    return catalog.buildTable(identifier(name), schema).withLocation(freshLocation(name))
        .withProperties(properties(format));
  }

  @Override public synchronized void close() {
    if (catalog != null) {
      catalog.close();
      catalog = null;
    }
  }

  private synchronized boolean opened() {
    if (catalog == null && Files.exists(database)) {
      open();
    }
    return catalog != null;
  }

  private synchronized void open() {
    if (catalog != null) {
      return;
    }
    try {
      Files.createDirectories(database.getParent());
    } catch (IOException e) {
      throw new FaiscaException(ErrorCode.IO_ERROR, "Cannot create the catalog database '" + database + "': "
          + e.getMessage(), e);
    }
    JdbcCatalog opened = new JdbcCatalog();
    opened.setConf(conf);
    // Several processes may commit at once: SQLite waits for its lock instead of failing at once, and
    // write-ahead logging lets readers go on while a commit writes.
    opened.initialize(CATALOG_NAME, Map.of(
        CatalogProperties.URI, "jdbc:sqlite:" + database,
        CatalogProperties.WAREHOUSE_LOCATION, warehouseLocation,
        "jdbc.schema-version", "V1",
        "jdbc.busy_timeout", "60000",
        "jdbc.journal_mode", "WAL"));
    if (!opened.namespaceExists(Namespace.of(SCHEMA))) {
      try {
        opened.createNamespace(Namespace.of(SCHEMA));
      } catch (org.apache.iceberg.exceptions.AlreadyExistsException e) {
        // Another process created it meanwhile.
      }
    }
    catalog = opened;
  }

  /**
   * A new table's properties. Appends that lose a race to another commit are retried on the new
   * snapshot; many writers at once need more tries than Iceberg's default of 4.
   */
  private static Map<String, String> properties(FileFormat format) {
    return Map.of(
        TableProperties.DEFAULT_FILE_FORMAT, format.name().toLowerCase(java.util.Locale.ROOT),
        TableProperties.COMMIT_NUM_RETRIES, "100",
        TableProperties.COMMIT_MIN_RETRY_WAIT_MS, "20",
        TableProperties.COMMIT_MAX_RETRY_WAIT_MS, "2000");
  }

  static TableIdentifier identifier(TableName name) {
    return TableIdentifier.of(name.schema(), name.name());
  }
}
