package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * Where a warehouse's Iceberg catalog lives. Every choice commits by compare-and-swap, so concurrent
 * writers never lose a commit:
 * <ul>
 *   <li>a JDBC URL the operator gives ({@code --catalog-uri}): a row per table, swapped in one
 *       transaction; the way several servers share one warehouse;</li>
 *   <li>on a local disk, by default: the same, on an embedded SQLite file
 *       {@code <warehouse>/.faisca/catalog.db}, created with the first table;</li>
 *   <li>on any other file system (HDFS), by default: the metadata files themselves, each commit
 *       renaming its new version file into place, which HDFS refuses when another commit took that
 *       version first (a local disk would silently overwrite, hence SQLite there).</li>
 * </ul>
 */
abstract sealed class CatalogSource {
  static final String CATALOG_NAME = "faisca";

  /** The source for a warehouse root, given the operator's catalog URI if any. */
  static CatalogSource of(Path root, Optional<String> catalogUri) {
    if (catalogUri.isPresent()) {
      return new Jdbc(catalogUri.get(), root.toString());
    }
    if ("file".equals(root.toUri().getScheme())) {
      java.nio.file.Path local = java.nio.file.Path.of(root.toUri());
      return new EmbeddedSqlite(local.resolve(".faisca").resolve("catalog.db"), root.toString());
    }
    return new MetadataFiles(root);
  }

  /** Whether a catalog is there to open without writing anything. */
  abstract boolean exists();

  /** Opens the catalog, creating it where it is created on first use. */
  abstract Catalog open(Configuration conf);

  /**
   * Whether tables can be renamed, and so be created at a location of Faísca's choosing: a catalog of
   * metadata files finds each table by its directory's name.
   */
  boolean renames() {
    return true;
  }

  /** The schemas (namespaces) of the opened catalog. */
  List<String> schemaNames(Catalog catalog, Configuration conf) {
    return ((SupportsNamespaces) catalog).listNamespaces().stream().map(Namespace::toString).sorted().toList();
  }

  void createSchema(Catalog catalog, String name, Configuration conf) {
    ((SupportsNamespaces) catalog).createNamespace(Namespace.of(name), Map.of());
  }

  /** Drops an empty schema; throws Iceberg's NamespaceNotEmptyException if it is not. */
  void dropSchema(Catalog catalog, String name, Configuration conf) {
    ((SupportsNamespaces) catalog).dropNamespace(Namespace.of(name));
  }

  /** The tables of a namespace of the opened catalog. */
  List<TableIdentifier> listTables(Catalog catalog, Namespace namespace, Configuration conf) {
    return catalog.listTables(namespace);
  }

  /** A catalog in a database reached through JDBC. */
  static sealed class Jdbc extends CatalogSource {
    private final String uri;
    private final String warehouse;

    Jdbc(String uri, String warehouse) {
      this.uri = uri;
      this.warehouse = warehouse;
    }

    @Override boolean exists() {
      return true;
    }

    @Override Catalog open(Configuration conf) {
      JdbcCatalog catalog = new JdbcCatalog();
      catalog.setConf(conf);
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put(CatalogProperties.URI, uri);
      properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
      properties.put("jdbc.schema-version", "V1");
      if (uri.startsWith("jdbc:sqlite:")) {
        // Several processes may commit at once: SQLite waits for its lock instead of failing at once,
        // and write-ahead logging lets readers go on while a commit writes.
        properties.put("jdbc.busy_timeout", "60000");
        properties.put("jdbc.journal_mode", "WAL");
      }
      try {
        catalog.initialize(CATALOG_NAME, properties);
      } catch (RuntimeException e) {
        throw new FaiscaException(ErrorCode.IO_ERROR, "Cannot open the table catalog at '" + uri + "': "
            + e.getMessage(), e);
      }
      return catalog;
    }
  }

  /** The default catalog of a local warehouse: an SQLite file under its root. */
  static final class EmbeddedSqlite extends Jdbc {
    private final java.nio.file.Path database;

    EmbeddedSqlite(java.nio.file.Path database, String warehouse) {
      super("jdbc:sqlite:" + database, warehouse);
      this.database = database;
    }

    @Override boolean exists() {
      return Files.exists(database);
    }

    @Override Catalog open(Configuration conf) {
      try {
        Files.createDirectories(database.getParent());
      } catch (IOException e) {
        throw new FaiscaException(ErrorCode.IO_ERROR, "Cannot create the catalog database '" + database + "': "
            + e.getMessage(), e);
      }
      return super.open(conf);
    }
  }

  /** The default catalog of a warehouse on HDFS: Iceberg's catalog of metadata files. */
  static final class MetadataFiles extends CatalogSource {
    private static final String SCHEMA_MARKER = ".faisca-schema";
    private static final Pattern VERSION_FILE = Pattern.compile("v\\d+(\\.gz)?\\.metadata\\.json");
    private final Path root;

    MetadataFiles(Path root) {
      this.root = root;
    }

    @Override boolean exists() {
      return true;
    }

    @Override boolean renames() {
      return false;
    }

    /**
     * Iceberg takes every directory of the warehouse that is not a table for a namespace, raw tables
     * included: a schema's directory is marked as one when it is created.
     */
    @Override List<String> schemaNames(Catalog catalog, Configuration conf) {
      List<String> names = new ArrayList<>();
      try {
        FileSystem fs = root.getFileSystem(conf);
        for (String name : super.schemaNames(catalog, conf)) {
          if (name.equals(WarehouseSchema.NAME) || fs.exists(marker(name))) {
            names.add(name);
          }
        }
      } catch (IOException e) {
        throw new FaiscaException(ErrorCode.IO_ERROR, "Cannot list the schemas of '" + root + "': "
            + e.getMessage(), e);
      }
      return names;
    }

    @Override void createSchema(Catalog catalog, String name, Configuration conf) {
      super.createSchema(catalog, name, conf);
      try {
        root.getFileSystem(conf).create(marker(name), false).close();
      } catch (IOException e) {
        throw new FaiscaException(ErrorCode.IO_ERROR, "Cannot mark directory '" + marker(name).getParent()
            + "' as a schema: " + e.getMessage(), e);
      }
    }

    @Override void dropSchema(Catalog catalog, String name, Configuration conf) {
      try {
        FileSystem fs = root.getFileSystem(conf);
        fs.delete(marker(name), false);
        try {
          super.dropSchema(catalog, name, conf);
        } catch (RuntimeException e) {
          fs.create(marker(name), true).close();
          throw e;
        }
      } catch (IOException e) {
        throw new FaiscaException(ErrorCode.IO_ERROR, "Cannot drop schema '" + name + "': " + e.getMessage(), e);
      }
    }

    private Path marker(String schema) {
      return new Path(new Path(root, schema), SCHEMA_MARKER);
    }

    /**
     * Iceberg lists a directory as a table when its metadata folder holds any metadata file, even the
     * temporary one of a creation killed before its commit; a table has a numbered version file.
     */
    @Override List<TableIdentifier> listTables(Catalog catalog, Namespace namespace, Configuration conf) {
      List<TableIdentifier> tables = new ArrayList<>();
      try {
        FileSystem fs = root.getFileSystem(conf);
        for (TableIdentifier table : catalog.listTables(namespace)) {
          Path metadata = new Path(new Path(new Path(root, namespace.level(0)), table.name()), "metadata");
          if (fs.listStatus(metadata, file -> VERSION_FILE.matcher(file.getName()).matches()).length > 0) {
            tables.add(table);
          }
        }
      } catch (IOException e) {
        throw new FaiscaException(ErrorCode.IO_ERROR, "Cannot list the tables of '" + root + "': "
            + e.getMessage(), e);
      }
      return tables;
    }

    @Override Catalog open(Configuration conf) {
      HadoopCatalog catalog = new HadoopCatalog();
      catalog.setConf(conf);
      catalog.initialize(CATALOG_NAME, Map.of(CatalogProperties.WAREHOUSE_LOCATION, root.toString()));
      return catalog;
    }
  }
}
