package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists the data files of a table directory, descending into Hive-style
 * {@code key=value} partition directories and skipping hidden files.
 */
final class TableFiles {
  /** Hive and Spark write this for a NULL partition value. */
  static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  private TableFiles() {
  }

  /** A listed file with its status. */
  record Listed(FileStatus status, FileFormat format, Map<String, String> partitionValues) {
    DataFile toDataFile() {
      return new DataFile(status.getPath().toString(), status.getLen(),
          status.getModificationTime(), partitionValues);
    }
  }

  static List<Listed> list(FileSystem fs, Path tableDir) {
    List<Listed> files = new ArrayList<>();
    try {
      collect(fs, tableDir, new LinkedHashMap<>(), files);
    } catch (IOException e) {
      throw new FaiscaException(ErrorCode.IO_ERROR,
          "Cannot list table directory '" + tableDir + "': " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(f -> f.status().getPath().toString()));
    return files;
  }

  /** Whether a directory holds at least one data file, looking no further than needed. */
  static boolean holdsData(FileSystem fs, Path dir) throws IOException {
    for (FileStatus child : fs.listStatus(dir)) {
      String name = child.getPath().getName();
      if (child.isFile() && FileFormat.ofFileName(name) != null) {
        return true;
      }
      if (child.isDirectory() && partitionKey(name) != null && holdsData(fs, child.getPath())) {
        return true;
      }
    }
    return false;
  }

  private static void collect(FileSystem fs, Path dir, Map<String, String> partition, List<Listed> out)
      throws IOException {
    for (FileStatus child : fs.listStatus(dir)) {
      String name = child.getPath().getName();
      if (child.isFile()) {
        FileFormat format = FileFormat.ofFileName(name);
        if (format != null && child.getLen() > 0) {
          out.add(new Listed(child, format, partition));
        } else if (format != null) {
          throw new FaiscaException(ErrorCode.CORRUPT_FILE,
              "Cannot read Parquet file '" + child.getPath() + "': the file is empty");
        }
      } else if (child.isDirectory()) {
        String key = partitionKey(name);
        if (key != null) {
          Map<String, String> nested = new LinkedHashMap<>(partition);
          nested.put(key, partitionValue(name));
          collect(fs, child.getPath(), nested, out);
        }
      }
    }
  }

  /** The key of a {@code key=value} directory name, or null for any other name. */
  static String partitionKey(String dirName) {
    int eq = dirName.indexOf('=');
    if (eq <= 0 || dirName.startsWith(".") || dirName.startsWith("_")) {
      return null;
    }
    return unescape(dirName.substring(0, eq));
  }

  private static String partitionValue(String dirName) {
    String value = unescape(dirName.substring(dirName.indexOf('=') + 1));
    return NULL_PARTITION.equals(value) ? null : value;
  }

  /** Hive escapes special characters in partition paths as %XX. */
  private static String unescape(String text) {
    return text.indexOf('%') < 0 ? text : URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
