package io.faisca.hdfs;

import io.faisca.catalog.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * A fresh, empty warehouse for one test, on the local disk or on the test JVM's real HDFS, with what
 * the tests need to reach its files from outside Faísca (DuckDB reads local files only).
 */
public final class WarehouseRoot {
  private final String location;
  private final Path scratch;
  private final Optional<String> catalogUri;

  private WarehouseRoot(String location, Path scratch, Optional<String> catalogUri) {
    this.location = location;
    this.scratch = scratch;
    this.catalogUri = catalogUri;
  }

  /** A warehouse in {@code dir}, under the test's own temporary directory. */
  public static WarehouseRoot local(Path dir) {
    try {
      Path warehouse = Files.createDirectories(dir.resolve("warehouse"));
      return new WarehouseRoot(warehouse.toString(), Files.createDirectories(dir.resolve("scratch")), Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A warehouse in a new directory of HDFS; {@code scratch} holds local copies of its files. */
  public static WarehouseRoot hdfs(Path scratch) {
    return new WarehouseRoot(MiniHdfs.newDirectory("warehouse"), scratch, Optional.empty());
  }

  /** A warehouse on HDFS whose catalog is an SQLite database in {@code scratch}, as {@code --catalog-uri} gives. */
  public static WarehouseRoot hdfsWithJdbcCatalog(Path scratch) {
    return new WarehouseRoot(MiniHdfs.newDirectory("warehouse"), scratch,
        Optional.of("jdbc:sqlite:" + scratch.resolve("catalog.db")));
  }

  /** Where the warehouse is: a local path or an {@code hdfs://} URI. */
  public String location() {
    return location;
  }

  public boolean onHdfs() {
    return location.startsWith("hdfs:");
  }

  /** The embedded JDBC URL of the warehouse, with extra {@code key=value} settings. */
  public String url(String... settings) {
    StringBuilder url = new StringBuilder("jdbc:faisca:warehouse=").append(location);
    catalogUri.ifPresent(uri -> url.append(";catalogUri=").append(uri));
    for (String setting : settings) {
      url.append(';').append(setting);
    }
    return url.append(";master=local[2]").toString();
  }

  /** The warehouse as Faísca opens it. */
  public Warehouse open() {
    return Warehouse.open(location, configuration(), catalogUri);
  }

  /** A path inside the warehouse, e.g. {@code raw/part-0.parquet}. */
  public org.apache.hadoop.fs.Path resolve(String relative) {
    String root = onHdfs() ? location : Path.of(location).toUri().toString();
    return new org.apache.hadoop.fs.Path(root.endsWith("/") ? root + relative : root + "/" + relative);
  }

  public boolean exists(String relative) {
    try {
      return fileSystem().exists(resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A local file to write before {@link #put} copies it into the warehouse. */
  public Path scratchFile(String name) {
    return scratch.resolve(name);
  }

  /** Copies a local file into the warehouse at {@code relative}. */
  public void put(Path localFile, String relative) {
    try {
      fileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(localFile.toUri()), resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A local path holding the data of a file of the warehouse (the file itself, or a copy from HDFS). */
  public String localPath(String file) {
    if (!onHdfs()) {
      return URI.create(file).getPath();
    }
    try {
      org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(file);
      Path copy = Files.createTempFile(scratch, "copy-", "-" + source.getName());
      Files.delete(copy);
      fileSystem().copyToLocalFile(source, new org.apache.hadoop.fs.Path(copy.toUri()));
      return copy.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public FileSystem fileSystem() throws IOException {
    return resolve(".").getFileSystem(configuration());
  }

  private static Configuration configuration() {
    return new Configuration();
  }

  @Override public String toString() {
    return (onHdfs() ? "hdfs" : "local") + catalogUri.map(uri -> " with a JDBC catalog").orElse("");
  }
}
