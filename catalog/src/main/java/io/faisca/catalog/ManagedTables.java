package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import java.util.function.Function;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * The tables Faísca creates: Apache Iceberg tables, registered in an Iceberg
 * JDBC catalog whose commits are compare-and-swap on a row, so concurrent
 * writers never lose one another's commits. A local warehouse keeps the
 * catalog in an embedded SQLite database, {@code .faisca/catalog.db} under
 * its root, created with the first table: a warehouse of raw files only is
 * never written to. Table data and metadata live under
 * {@code <warehouse>/<schema>/<table>/}.
 */
public final class ManagedTables implements AutoCloseable {
  static final String SCHEMA = WarehouseSchema.NAME;
  private static final String CATALOG_NAME = "faisca";

  private final String warehouseLocation;
  private final java.nio.file.Path database;
  private final Configuration conf;
  /** Opened with the first table, or on first use once the database exists; thread-safe from then on. */
  private volatile JdbcCatalog catalog;

  private ManagedTables(String warehouseLocation, java.nio.file.Path database, Configuration conf) {
    this.warehouseLocation = warehouseLocation;
    this.database = database;
    this.conf = conf;
  }

  /** The managed tables of a warehouse; empty when it is not on a local disk (not supported yet). */
  static Optional<ManagedTables> of(Path root, Configuration conf) {
    if (!"file".equals(root.toUri().getScheme())) {
      return Optional.empty();
    }
    java.nio.file.Path local = java.nio.file.Path.of(root.toUri());
    return Optional.of(new ManagedTables(root.toString(), local.resolve(".faisca").resolve("catalog.db"), conf));
  }

  /** Names of the managed tables, sorted. */
  public List<String> names() {
    if (!opened()) {
      return List.of();
    }
    return catalog.listTables(Namespace.of(SCHEMA)).stream().map(TableIdentifier::name).sorted().toList();
  }

  /** The table with exactly this name, if it exists. */
  public Optional<Table> load(String name) {
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
  public boolean create(String name, TableDefinition definition, boolean ifNotExists) {
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
  public long createAs(String name, TableDefinition definition, boolean ifNotExists,
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
  public boolean drop(String name, boolean ifExists) {
    Optional<Table> table = load(name);
    if (table.isEmpty() || !catalog.dropTable(identifier(name), true)) {
      if (!ifExists) {
        throw new FaiscaException(ErrorCode.TABLE_NOT_FOUND, "Table '" + name + "' does not exist");
      }
      return false;
    }
    Path location = new Path(table.get().location());
    try {
      location.getFileSystem(conf).delete(location, true);
    } catch (IOException e) {
      throw new FaiscaException(ErrorCode.IO_ERROR, "Table '" + name + "' was dropped, but its directory '"
          + location + "' could not be removed: " + e.getMessage(), e);
    }
    return true;
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

  private Catalog.TableBuilder builder(String name, TableDefinition definition) {
    return catalog.buildTable(identifier(name), definition.schema())
        .withPartitionSpec(definition.spec())
        .withProperties(definition.properties());
  }

  private static TableIdentifier identifier(String name) {
    return TableIdentifier.of(SCHEMA, name);
  }
}
