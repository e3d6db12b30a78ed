package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.Locale;

/** The file formats a table's data may be stored in. */
public enum FileFormat {
  PARQUET(".parquet"),
  AVRO(".avro");

  private final String extension;

  FileFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** The name Iceberg's table property {@code write.format.default} gives the format. */
  public String icebergName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format a raw directory's data file has, by its name, or null for files that are not table
   * data. Raw directories are read as Parquet only: Avro files there are not table data (yet).
   */
  public static FileFormat ofFileName(String name) {
    if (name.startsWith(".") || name.startsWith("_")) {
      return null;
    }
    return name.endsWith(PARQUET.extension) ? PARQUET : null;
  }

  /** The format {@code STORED AS} or a table property names, in any case. */
  public static FileFormat named(String name) {
    for (FileFormat format : values()) {
      if (format.name().equalsIgnoreCase(name)) {
        return format;
      }
    }
    if ("orc".equalsIgnoreCase(name)) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Tables cannot be stored as ORC; use PARQUET or AVRO");
    }
    throw new FaiscaException(ErrorCode.INVALID_QUERY, "Unknown file format '" + name
        + "'; a table is stored as PARQUET or AVRO");
  }
}
