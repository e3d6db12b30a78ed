package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The directories under which {@code CREATE TABLE … LOCATION} may place a table: the warehouse, and
 * those the operator allows besides ({@code --location-root}, {@code locationRoots=}). Every location
 * is compared normalized and fully qualified, so neither {@code ..} nor a missing scheme reaches out of
 * a root. A path without a scheme is on the warehouse's file system, as Spark and Hive read one.
 */
final class LocationRoots {
  private final List<Path> roots;
  private final FileSystem warehouseFs;
  private final Configuration conf;

  private LocationRoots(List<Path> roots, FileSystem warehouseFs, Configuration conf) {
    this.roots = List.copyOf(roots);
    this.warehouseFs = warehouseFs;
    this.conf = conf;
  }

  /** The warehouse's fully qualified root and the operator's {@code extra} roots; a relative one is an error. */
  static LocationRoots of(Path warehouse, FileSystem warehouseFs, List<String> extra, Configuration conf) {
    // Parsed again: a local root may end in a slash, which a parsed path never does.
    List<Path> roots = new ArrayList<>(List.of(new Path(warehouse.toString())));
    for (String allowed : extra) {
      try {
        roots.add(qualify(allowed, warehouseFs, conf));
      } catch (IllegalArgumentException e) {
        throw new FaiscaException(ErrorCode.INVALID_CONNECTION_PROPERTY, "Location root '" + allowed + "' "
            + e.getMessage(), e);
      }
    }
    return new LocationRoots(roots, warehouseFs, conf);
  }

  /** The directory a {@code LOCATION} names, normalized and fully qualified; a relative path is an error. */
  Path qualified(String location) {
    try {
      return qualify(location, warehouseFs, conf);
    } catch (IllegalArgumentException e) {
      throw new FaiscaException(ErrorCode.INVALID_ARGUMENT, "LOCATION '" + location + "' " + e.getMessage(), e);
    }
  }

  /** Whether {@code location} (qualified) lies strictly inside a root: a root itself belongs to no table. */
  boolean inside(Path location) {
    Path parent = location.getParent();
    return parent != null && roots.stream().anyMatch(root -> isAtOrUnder(parent, root));
  }

  /** The root that lies at or under {@code location} (qualified), if any: a table's directory never holds one. */
  Optional<Path> rootWithin(Path location) {
    return roots.stream().filter(root -> isAtOrUnder(root, location)).findFirst();
  }

  /** Whether {@code path} is {@code directory} or lies inside it; both qualified. */
  static boolean isAtOrUnder(Path path, Path directory) {
    for (Path at = path; at != null; at = at.getParent()) {
      if (at.equals(directory)) {
        return true;
      }
    }
    return false;
  }

  /** The roots, for messages. */
  String describe() {
    return roots.stream().map(root -> "'" + root + "'").collect(Collectors.joining(", "));
  }

  /** Throws IllegalArgumentException ending a sentence about {@code location} when it names no directory. */
  private static Path qualify(String location, FileSystem warehouseFs, Configuration conf) {
    Path path = parse(location);
    if (!path.isAbsolute()) {
      throw new IllegalArgumentException("is a relative path: give an absolute path or a URI such as"
          + " hdfs://namenode:8020/dir");
    }
    try {
      FileSystem fs = path.toUri().getScheme() == null ? warehouseFs : path.getFileSystem(conf);
      // Parsed again: a path ending in '..' normalizes to one with a trailing slash, which Path then drops.
      return new Path(fs.makeQualified(path).toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("names no file system Faísca can reach: " + e.getMessage(), e);
    }
  }

  private static Path parse(String location) {
    if (location.isBlank()) {
      throw new IllegalArgumentException("is empty: give an absolute path or a URI");
    }
    try {
      return new Path(location);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("is not a path or URI: " + e.getMessage(), e);
    }
  }
}
