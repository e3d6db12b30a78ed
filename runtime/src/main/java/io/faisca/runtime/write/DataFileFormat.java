package io.faisca.runtime.write;

import io.faisca.catalog.FileFormat;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Row;

/** How Spark writes a managed table's data files in the table's format, and what Iceberg learns of each. */
sealed interface DataFileFormat permits ParquetDataFiles, AvroDataFiles {
  /** The format a table writes, by its {@code write.format.default} property. */
  static DataFileFormat of(Table table) {
    FileFormat format = FileFormat.named(table.properties().getOrDefault(TableProperties.DEFAULT_FILE_FORMAT,
        TableProperties.DEFAULT_FILE_FORMAT_DEFAULT));
    return switch (format) {
      case PARQUET -> new ParquetDataFiles();
      case AVRO -> new AvroDataFiles();
    };
  }

  /** A column's values as the files store them, named as the files name it. */
  Column column(Types.NestedField field, Column value);

  /** Writes the rows (of the columns above, then any partition columns) as files in a new folder. */
  void save(DataFrameWriter<Row> writer, Table table, String folder);

  org.apache.iceberg.FileFormat iceberg();

  /** What Iceberg records of a written file: its row count, and column statistics where the format has them. */
  Metrics metrics(InputFile file, Table table);
}
