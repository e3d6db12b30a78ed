package io.faisca.catalog;

import static java.util.Objects.requireNonNull;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.exceptions.ValidationException;

/**
 * A managed table to create: its columns, partitioning, file format,
 * Iceberg table properties and directory, checked as a whole when the
 * statement is prepared, so a wrong one creates nothing.
 *
 * @param properties every Iceberg property the table gets, Faísca's defaults included
 * @param location the directory {@code LOCATION} names, which {@link ManagedTables#location} checks (again
 *     when it creates the table); empty for one of Faísca's choosing
 */
public record TableDefinition(Schema schema, PartitionSpec spec, FileFormat format, Map<String, String> properties,
    Optional<String> location) {
  /**
   * Faísca's defaults, which {@code WITH} may change. Appends that lose a race to another commit are
   * retried on the new snapshot; many writers at once need more tries than Iceberg's default of 4.
   */
  private static final Map<String, String> DEFAULTS = Map.of(
      TableProperties.COMMIT_NUM_RETRIES, "100",
      TableProperties.COMMIT_MIN_RETRY_WAIT_MS, "20",
      TableProperties.COMMIT_MAX_RETRY_WAIT_MS, "2000");

  public TableDefinition {
    requireNonNull(schema, "schema");
    requireNonNull(spec, "spec");
    requireNonNull(format, "format");
    properties = Map.copyOf(properties);
    requireNonNull(location, "location");
  }

  /** An unpartitioned table with Faísca's default properties. */
  public static TableDefinition of(Schema schema, FileFormat format) {
    return of(schema, Optional.of(format.name()), List.of(), Map.of());
  }

  /**
   * The table {@code CREATE TABLE} describes: {@code STORED AS} (Parquet when absent), {@code PARTITIONED
   * BY} and {@code WITH} properties. Keys Iceberg does not know are kept, as Iceberg keeps them.
   */
  public static TableDefinition of(Schema schema, Optional<String> storedAs, List<PartitionField> partitioning,
      Map<String, String> properties) {
    FileFormat format = format(storedAs, properties);
    Map<String, String> all = new HashMap<>(DEFAULTS);
    properties.forEach((key, value) -> all.put(checked(key, value), value));
    all.put(TableProperties.DEFAULT_FILE_FORMAT, format.icebergName());
    PartitionSpec spec = PartitionSpecs.of(schema, partitioning);
    try {
      // The checks Iceberg makes when it creates the table (format version, spec against schema), now.
      TableMetadata.newTableMetadata(schema, spec, "file:/unused", all);
    } catch (IllegalArgumentException | ValidationException e) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "Iceberg refuses the table: " + e.getMessage(), e);
    }
    return new TableDefinition(schema, spec, format, all, Optional.empty());
  }

  /** The same table, in the directory {@code location}. */
  public TableDefinition at(String location) {
    return new TableDefinition(schema, spec, format, properties, Optional.of(location));
  }

  private static FileFormat format(Optional<String> storedAs, Map<String, String> properties) {
    Optional<FileFormat> stored = storedAs.map(FileFormat::named);
    Optional<FileFormat> property = Optional.ofNullable(properties.get(TableProperties.DEFAULT_FILE_FORMAT))
        .map(FileFormat::named);
    if (stored.isPresent() && property.isPresent() && stored.get() != property.get()) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "STORED AS " + stored.get() + " and WITH ('"
          + TableProperties.DEFAULT_FILE_FORMAT + "' = '" + properties.get(TableProperties.DEFAULT_FILE_FORMAT)
          + "') disagree; give the format once");
    }
    return stored.or(() -> property).orElse(FileFormat.PARQUET);
  }

  private static String checked(String key, String value) {
    if (key.equalsIgnoreCase("format")) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "'" + key + "' is not an Iceberg table property;"
          + " write STORED AS PARQUET or STORED AS AVRO");
    }
    if (TableProperties.RESERVED_PROPERTIES.contains(key) && !key.equals(TableProperties.FORMAT_VERSION)) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "Table property '" + key + "' is kept by Iceberg"
          + " itself and cannot be set");
    }
    // Every commit reads these; a value that is not a count would fail each one of them later.
    if (DEFAULTS.containsKey(key) && !value.matches("\\d{1,9}")) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "Table property '" + key + "' must be a whole number,"
          + " not '" + value + "'");
    }
    return key;
  }
}
