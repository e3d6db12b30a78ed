package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import java.util.function.Function;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;

/**
 * The tables Faísca creates: Apache Iceberg tables, registered in an Iceberg
 * catalog whose commits are compare-and-swap, so concurrent writers never lose
 * one another's commits ({@link CatalogSource} says where it lives). A
 * warehouse of raw files only is never written to. Table data and metadata
 * live under {@code <warehouse>/<schema>/<table>/}.
 */
public final class ManagedTables implements AutoCloseable {
  static final String SCHEMA = WarehouseSchema.NAME;

  private final CatalogSource source;
  private final Configuration conf;
  /** Opened with the first table, or on first use once the catalog exists; thread-safe from then on. */
  private volatile Catalog catalog;

  ManagedTables(CatalogSource source, Configuration conf) {
    this.source = source;
    this.conf = conf;
  }

  /** Names of the managed tables, sorted. */
  public List<String> names() {
    if (!opened()) {
      return List.of();
    }
    try {
      return source.listTables(catalog, Namespace.of(SCHEMA), conf).stream().map(TableIdentifier::name).sorted()
          .toList();
    } catch (NoSuchNamespaceException e) {
      return List.of();
    }
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

  /** Housekeeping of one of these tables' files. */
  public TableMaintenance maintenance(Table table) {
    return new TableMaintenance(table, conf);
  }

  /** Creates an empty table; an existing one is an error unless {@code ifNotExists}. Returns whether it created one. */
  public boolean create(String name, Schema schema, FileFormat format, boolean ifNotExists) {
    open();
    try {
      catalog.buildTable(identifier(name), schema).withProperties(properties(format)).create();
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
  public long createAs(String name, Schema schema, FileFormat format, boolean ifNotExists,
      Function<Table, List<org.apache.iceberg.DataFile>> write) {
    open();
    Transaction create;
    try {
      create = catalog.buildTable(identifier(name), schema).withProperties(properties(format)).createTransaction();
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

  private static TableIdentifier identifier(String name) {
    return TableIdentifier.of(SCHEMA, name);
  }
}
