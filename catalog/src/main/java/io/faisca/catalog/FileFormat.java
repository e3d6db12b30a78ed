package io.faisca.catalog;

/** The file formats a table's data may be stored in. */
public enum FileFormat {
  PARQUET(".parquet");

  private final String extension;

  FileFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** The format a data file's name says it has, or null for files that are not table data. */
  public static FileFormat ofFileName(String name) {
    if (name.startsWith(".") || name.startsWith("_")) {
      return null;
    }
    for (FileFormat format : values()) {
      if (name.endsWith(format.extension)) {
        return format;
      }
    }
    return null;
  }
}
