package io.faisca.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One file of a table.
 *
 * @param path fully qualified Hadoop path
 * @param length size in bytes
 * @param modificationTime when the file system last saw it change
 * @param partitionValues values of the {@code key=value} directories above it (null values are SQL NULL)
 */
public record DataFile(
    String path, long length, long modificationTime, Map<String, String> partitionValues) {

  public DataFile {
    requireNonNull(path, "path");
    partitionValues = java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(partitionValues));
  }
}
