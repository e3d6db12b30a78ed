package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A warehouse: a directory (local or any Hadoop file system) whose
 * subdirectories holding data files are tables named after them, beside the
 * managed (Iceberg) tables created in it. A managed table hides a raw
 * directory of the same name.
 *
 * <p>Listings are read on every lookup so new tables and files show up at
 * once; footers and manifests are read again only when a table changes.
 */
public final class Warehouse {
  private final Path root;
  private final Configuration conf;
  private final FileSystem fs;
  private final Optional<ManagedTables> managed;
  private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

  private Warehouse(Path root, Configuration conf, FileSystem fs, Optional<String> catalogUri) {
    this.root = root;
    this.conf = conf;
    this.fs = fs;
    this.managed = Optional.of(new ManagedTables(CatalogSource.of(root, catalogUri), conf));
  }

  /** Opens a warehouse at a local path or Hadoop URI; it must be an existing directory. */
  public static Warehouse open(String location) {
    return open(location, new Configuration());
  }

  public static Warehouse open(String location, Configuration conf) {
    return open(location, conf, Optional.empty());
  }

  /**
   * Opens a warehouse whose managed tables are registered in the catalog database at {@code catalogUri}
   * (a JDBC URL), or in the warehouse's own catalog when empty.
   */
  public static Warehouse open(String location, Configuration conf, Optional<String> catalogUri) {
    if (location == null || location.isBlank()) {
      throw new FaiscaException(ErrorCode.WAREHOUSE_NOT_FOUND, "No warehouse given");
    }
    Path root = toPath(location);
    try {
      FileSystem fs = root.getFileSystem(conf);
      FileStatus status = fs.getFileStatus(root);
      if (!status.isDirectory()) {
        throw new FaiscaException(ErrorCode.WAREHOUSE_NOT_FOUND,
            "Warehouse '" + location + "' is not a directory");
      }
      return new Warehouse(fs.makeQualified(root), conf, fs, catalogUri);
    } catch (java.io.FileNotFoundException e) {
      throw new FaiscaException(ErrorCode.WAREHOUSE_NOT_FOUND,
          "Warehouse directory '" + location + "' does not exist", e);
    } catch (IOException e) {
      throw new FaiscaException(ErrorCode.WAREHOUSE_NOT_FOUND,
          "Cannot open warehouse '" + location + "': " + e.getMessage(), e);
    }
  }

  private static Path toPath(String location) {
    URI uri = URI.create(location.replace(" ", "%20"));
    if (uri.getScheme() != null && uri.getScheme().length() > 1) {
      return new Path(location);
    }
    return new Path(new File(location).getAbsoluteFile().toURI());
  }

  /** The fully qualified root, e.g. {@code file:/data/warehouse} or {@code hdfs://nn:8020/wh}. */
  public String location() {
    String location = root.toString();
    return location.endsWith("/") && location.length() > 1 ? location.substring(0, location.length() - 1) : location;
  }

  public Configuration hadoopConfiguration() {
    return conf;
  }

  /** The managed tables, where the warehouse can hold them. */
  public Optional<ManagedTables> managedTables() {
    return managed;
  }

  /** Names of all tables, sorted. */
  public List<String> tableNames() {
    java.util.SortedSet<String> names = new java.util.TreeSet<>(managedNames());
    for (FileStatus child : listRoot()) {
      String name = child.getPath().getName();
      if (child.isDirectory() && !isHidden(name) && holdsData(child.getPath())) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  /** The name of the table that matches, exactly or ignoring case; empty if there is none. */
  public Optional<String> resolveTableName(String name, boolean caseSensitive) {
    String exact = null;
    String folded = null;
    for (String candidate : managedNames()) {
      if (candidate.equals(name)) {
        return Optional.of(candidate);
      } else if (!caseSensitive && candidate.equalsIgnoreCase(name) && folded == null) {
        folded = candidate;
      }
    }
    if (folded != null) {
      return Optional.of(folded);
    }
    for (FileStatus child : listRoot()) {
      String candidate = child.getPath().getName();
      if (!child.isDirectory() || isHidden(candidate)) {
        continue;
      }
      if (candidate.equals(name)) {
        exact = candidate;
      } else if (!caseSensitive && candidate.equalsIgnoreCase(name) && folded == null) {
        folded = candidate;
      }
    }
    String found = exact != null ? exact : folded;
    return Optional.ofNullable(found).filter(n -> holdsData(new Path(root, n)));
  }

  /** Metadata of a table, read from its files' footers (cached while the files are unchanged). */
  public Optional<TableMetadata> table(String name) {
    Optional<org.apache.iceberg.Table> icebergTable = managed.flatMap(tables -> tables.load(name));
    if (icebergTable.isPresent()) {
      return Optional.of(managedTable(name, icebergTable.get()));
    }
    Path dir = new Path(root, name);
    if (isHidden(name) || !isDirectory(dir)) {
      return Optional.empty();
    }
    List<TableFiles.Listed> files = TableFiles.list(fs, dir);
    if (files.isEmpty()) {
      return Optional.empty();
    }
    List<DataFile> fingerprint = files.stream().map(TableFiles.Listed::toDataFile).toList();
    Cached cached = cache.get(name);
    if (cached != null && cached.version().equals(fingerprint)) {
      return Optional.of(cached.metadata());
    }
    TableMetadata metadata = TableLoader.load(name, dir.toString(), files, conf);
    cache.put(name, new Cached(fingerprint, metadata));
    return Optional.of(metadata);
  }

  private TableMetadata managedTable(String name, org.apache.iceberg.Table table) {
    org.apache.iceberg.Snapshot snapshot = table.currentSnapshot();
    // A snapshot never changes: its id, with the schema's, stands for the table's files and columns.
    List<Object> version = List.of(table.location(), snapshot == null ? -1L : snapshot.snapshotId(),
        table.schema().schemaId());
    Cached cached = cache.get(name);
    if (cached != null && cached.version().equals(version)) {
      return cached.metadata();
    }
    TableMetadata metadata = ManagedTableLoader.load(name, table);
    cache.put(name, new Cached(version, metadata));
    return metadata;
  }

  private List<String> managedNames() {
    return managed.map(ManagedTables::names).orElse(List.of());
  }

  /** Explains why a name is not a table, for error messages. */
  public String describeMissingTable(String name) {
    Path dir = new Path(root, name);
    if (isDirectory(dir)) {
      return "directory '" + dir + "' holds no Parquet files";
    }
    return "no such table in warehouse '" + location() + "'";
  }

  private List<FileStatus> listRoot() {
    try {
      return List.of(fs.listStatus(root));
    } catch (IOException e) {
      throw new FaiscaException(ErrorCode.IO_ERROR,
          "Cannot list warehouse '" + location() + "': " + e.getMessage(), e);
    }
  }

  private boolean holdsData(Path dir) {
    try {
      return TableFiles.holdsData(fs, dir);
    } catch (IOException e) {
      return false;
    }
  }

  private boolean isDirectory(Path dir) {
    try {
      return fs.getFileStatus(dir).isDirectory();
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isHidden(String name) {
    return name.startsWith(".") || name.startsWith("_") || name.contains("/");
  }

  /** A table's metadata, and what it was read from: it is read again when that changes. */
  private record Cached(Object version, TableMetadata metadata) {
  }
}
