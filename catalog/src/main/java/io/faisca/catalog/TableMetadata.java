package io.faisca.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Everything the planner knows about a table: where it lives, its files, its
 * columns (data columns first, then partition keys) and its statistics.
 */
public record TableMetadata(
    String name,
    String location,
    FileFormat format,
    List<DataFile> files,
    List<ColumnMetadata> columns,
    long rowCount) {

  public TableMetadata {
    requireNonNull(name, "name");
    requireNonNull(location, "location");
    requireNonNull(format, "format");
    files = List.copyOf(files);
    columns = List.copyOf(columns);
  }

  public long totalBytes() {
    return files.stream().mapToLong(DataFile::length).sum();
  }

  public boolean isPartitioned() {
    return columns.stream().anyMatch(ColumnMetadata::partitionKey);
  }

  public Optional<ColumnMetadata> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }
}
