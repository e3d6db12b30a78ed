package io.faisca.runtime.write;

import org.apache.iceberg.Metrics;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;

/**
 * Parquet data files: Spark's writer, each column carrying its Iceberg field
 * id into the file (so it stays readable by id after a rename), and column
 * statistics from the footers.
 */
final class ParquetDataFiles implements DataFileFormat {
  /** Where Spark looks for a column's Parquet field id. */
  private static final String FIELD_ID = "parquet.field.id";

  @Override public Column column(Types.NestedField field, Column value) {
    Metadata id = new MetadataBuilder().putLong(FIELD_ID, field.fieldId()).build();
    return value.as(field.name(), id);
  }

  @Override public void save(DataFrameWriter<Row> writer, Table table, String folder) {
    writer.parquet(folder);
  }

  @Override public org.apache.iceberg.FileFormat iceberg() {
    return org.apache.iceberg.FileFormat.PARQUET;
  }

  @Override public Metrics metrics(InputFile file, Table table) {
    return ParquetUtil.fileMetrics(file, MetricsConfig.forTable(table));
  }
}
