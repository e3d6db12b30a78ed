package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A warehouse: a directory (local or any Hadoop file system) whose
 * subdirectories holding data files are tables of the default schema, named
 * after them, beside the managed (Iceberg) tables and views created in it,
 * in the default schema or in schemas of their own. A managed table or view
 * hides a raw directory of the same name; the directory of a schema (which
 * holds its tables' directories) is never a raw table.
 *
 * <p>Listings are read on every lookup so new tables and files show up at
 * once; footers and manifests are read again only when a table changes.
 */
public final class Warehouse {
  private final Path root;
  private final Configuration conf;
  private final FileSystem fs;
  private final ManagedTables managed;
  private final ConcurrentMap<TableName, Cached> cache = new ConcurrentHashMap<>();

  private Warehouse(Path root, Configuration conf, FileSystem fs, Optional<String> catalogUri,
      List<String> locationRoots) {
    this.root = root;
    this.conf = conf;
    this.fs = fs;
    this.managed = new ManagedTables(root.toString(), CatalogSource.of(root, catalogUri),
        LocationRoots.of(root, fs, locationRoots, conf), conf);
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
    return open(location, conf, catalogUri, List.of());
  }

  /**
   * As {@link #open(String, Configuration, Optional)}, letting {@code CREATE TABLE … LOCATION} place tables
   * inside {@code locationRoots} (absolute paths or Hadoop URIs) besides the warehouse.
   */
  public static Warehouse open(String location, Configuration conf, Optional<String> catalogUri,
      List<String> locationRoots) {
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
      return new Warehouse(fs.makeQualified(root), conf, fs, catalogUri, locationRoots);
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

  /** The managed tables (and their schemas and views). */
  public ManagedTables managedTables() {
    return managed;
  }

  /** The schemas, sorted: the default one, and those created since. */
  public List<String> schemaNames() {
    SortedSet<String> names = new TreeSet<>(createdSchemas());
    names.add(WarehouseSchema.NAME);
    return List.copyOf(names);
  }

  /** The schema that matches, exactly or ignoring case; empty if there is none. */
  public Optional<String> resolveSchemaName(String name, boolean caseSensitive) {
    List<String> names = schemaNames();
    if (names.contains(name)) {
      return Optional.of(name);
    }
    return caseSensitive ? Optional.empty() : names.stream().filter(name::equalsIgnoreCase).findFirst();
  }

  /** Names of the tables (not views) of the default schema, sorted. */
  public List<String> tableNames() {
    return relations(WarehouseSchema.NAME).stream().filter(r -> r.kind().isTable())
        .map(r -> r.name().name()).toList();
  }

  /**
   * The tables and views of a schema, sorted by name. A raw directory that has the name of a managed
   * table or view is hidden by it, and so is one that holds a schema's tables.
   */
  public List<Relation> relations(String schema) {
    SortedMap<String, Relation> relations = new TreeMap<>();
    if (schema.equals(WarehouseSchema.NAME)) {
      for (String name : rawCandidates()) {
        if (holdsData(new Path(root, name))) {
          relations.put(name, new Relation(TableName.ofDefault(name), Relation.Kind.RAW_TABLE));
        }
      }
    }
    managedCandidates(schema).forEach(relation -> relations.put(relation.name().name(), relation));
    return List.copyOf(relations.values());
  }

  /**
   * What a name stands for in a schema: a managed table, else a view, else (in the default schema) a
   * raw directory; an exact match wins over one that only differs in case.
   */
  public Optional<Relation> resolve(String schema, String name, boolean caseSensitive) {
    List<Relation> candidates = new ArrayList<>(managedCandidates(schema));
    if (schema.equals(WarehouseSchema.NAME)) {
      rawCandidates().forEach(raw -> candidates.add(new Relation(TableName.ofDefault(raw), Relation.Kind.RAW_TABLE)));
    }
    Optional<Relation> found = candidates.stream().filter(c -> c.name().name().equals(name)).findFirst();
    if (found.isEmpty() && !caseSensitive) {
      found = candidates.stream().filter(c -> c.name().name().equalsIgnoreCase(name)).findFirst();
    }
    return found.filter(r -> r.kind() != Relation.Kind.RAW_TABLE || holdsData(new Path(root, r.name().name())));
  }

  /** Metadata of a table of the default schema. */
  public Optional<TableMetadata> table(String name) {
    return table(TableName.ofDefault(name));
  }

  /** Metadata of a table, from its files' footers or its manifests (cached while they are unchanged). */
  public Optional<TableMetadata> table(TableName name) {
    return source(name).map(source -> read(name, source));
  }

  /**
   * Whether a table is still as {@code read} (which {@link #table} returned) describes it: the same
   * files listed in its directory, or the same Iceberg snapshot and schema. As cheap as a listing or a
   * look-up in the catalog: no footer or manifest is read.
   */
  public boolean isCurrent(TableName name, TableMetadata read) {
    Cached cached = cache.get(name);
    if (cached == null || cached.metadata() != read) {
      return false;
    }
    return source(name).map(source -> source.version().equals(cached.version())).orElse(false);
  }

  /** A view, exactly as named. */
  public Optional<ViewDefinition> view(TableName name) {
    return managed.views().load(name);
  }

  /** The columns of a table or view, without reading a managed table's manifests. */
  public List<ColumnMetadata> columns(Relation relation) {
    TableName name = relation.name();
    Optional<List<ColumnMetadata>> columns = switch (relation.kind()) {
      case MANAGED_TABLE -> managed.load(name)
          .map(table -> IcebergSchemas.columns(name.name(), table.schema()));
      case RAW_TABLE -> rawSource(name).map(source -> read(name, source).columns());
      case VIEW -> view(name).map(ViewDefinition::columns);
    };
    return columns.orElse(List.of());
  }

  private TableMetadata read(TableName name, Source source) {
    Cached cached = cache.get(name);
    if (cached != null && cached.version().equals(source.version())) {
      return cached.metadata();
    }
    TableMetadata metadata = source.load().get();
    cache.put(name, new Cached(source.version(), metadata));
    return metadata;
  }

  /** What a table's metadata is read from now, if the name is a table: a managed one, else a raw directory. */
  private Optional<Source> source(TableName name) {
    Optional<org.apache.iceberg.Table> icebergTable = managed.load(name);
    if (icebergTable.isPresent()) {
      return Optional.of(managedSource(name, icebergTable.get()));
    }
    return name.inDefaultSchema() ? rawSource(name) : Optional.empty();
  }

  private Optional<Source> rawSource(TableName name) {
    Path dir = new Path(root, name.name());
    if (isHidden(name.name()) || !isDirectory(dir) || createdSchemas().contains(name.name())) {
      return Optional.empty();
    }
    List<TableFiles.Listed> files = TableFiles.list(fs, dir);
    if (files.isEmpty()) {
      return Optional.empty();
    }
    List<DataFile> fingerprint = files.stream().map(TableFiles.Listed::toDataFile).toList();
    return Optional.of(new Source(fingerprint, () -> TableLoader.load(name.name(), dir.toString(), files, conf)));
  }

  private static Source managedSource(TableName name, org.apache.iceberg.Table table) {
    org.apache.iceberg.Snapshot snapshot = table.currentSnapshot();
    // A snapshot never changes: its id, with the schema's, stands for the table's files and columns. The
    // table's UUID tells a table dropped and created again under its name, in its directory, from the old one.
    List<Object> version = List.of(table.uuid(), table.location(), snapshot == null ? -1L : snapshot.snapshotId(),
        table.schema().schemaId());
    return new Source(version, () -> ManagedTableLoader.load(name.name(), table));
  }

  /** The managed tables, then the views, of a schema: the order in which names resolve. */
  private List<Relation> managedCandidates(String schema) {
    List<Relation> candidates = new ArrayList<>();
    managed.names(schema).forEach(name ->
        candidates.add(new Relation(new TableName(schema, name), Relation.Kind.MANAGED_TABLE)));
    managed.views().names(schema).forEach(name ->
        candidates.add(new Relation(new TableName(schema, name), Relation.Kind.VIEW)));
    return candidates;
  }

  /**
   * Directories of the root that may be raw tables: not hidden, and not the directory of a schema,
   * which holds managed tables' directories, never data files of its own.
   */
  private List<String> rawCandidates() {
    List<String> schemas = createdSchemas();
    List<String> names = new ArrayList<>();
    for (FileStatus child : listRoot()) {
      String name = child.getPath().getName();
      if (child.isDirectory() && !isHidden(name) && !schemas.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private List<String> createdSchemas() {
    return managed.schemas().names();
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

  /** What a table's metadata is read from: a version that changes with it, and how to read it. */
  private record Source(Object version, Supplier<TableMetadata> load) {
  }

  /** A table's metadata, and what it was read from: it is read again when that changes. */
  private record Cached(Object version, TableMetadata metadata) {
  }
}
