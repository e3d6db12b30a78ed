package io.faisca.runtime.lower;

import io.faisca.catalog.ColumnMetadata;
import io.faisca.catalog.DataFile;
import io.faisca.catalog.TableMetadata;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.iceberg.avro.AvroSchemaUtil;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the files the catalog listed with Spark's reader for the table's
 * format, as the table's columns under their own names. Spark reads a managed
 * table's Parquet columns by field id, raw files' by name, and Avro columns by
 * name: Iceberg's Avro-safe spellings of the column names, a TIMESTAMP there
 * being the microseconds Iceberg stores.
 */
final class TableFileReader {
  /** Where Spark's Parquet reader (and writer) look for a column's field id. */
  private static final String FIELD_ID = "parquet.field.id";

  private TableFileReader() {
  }

  static Dataset<Row> read(TableMetadata table, SparkSession spark) {
    String[] paths = table.files().stream().map(DataFile::path).toArray(String[]::new);
    return switch (table.format()) {
      case PARQUET -> parquet(table, paths, spark);
      case AVRO -> avro(table, paths, spark);
    };
  }

  private static Dataset<Row> parquet(TableMetadata table, String[] paths, SparkSession spark) {
    StructField[] fields = table.columns().stream()
        .map(c -> DataTypes.createStructField(c.name(), type(c), true, fieldId(c)))
        .toArray(StructField[]::new);
    var reader = spark.read().schema(DataTypes.createStructType(fields));
    if (table.isPartitioned()) {
      // Values of key=value directories are columns; elsewhere, a directory name is no part of the rows.
      reader = reader.option("basePath", table.location());
    }
    return reader.parquet(paths);
  }

  private static Dataset<Row> avro(TableMetadata table, String[] paths, SparkSession spark) {
    StructType stored = new StructType();
    Column[] columns = new Column[table.columns().size()];
    for (int i = 0; i < columns.length; i++) {
      ColumnMetadata column = table.columns().get(i);
      String name = AvroSchemaUtil.makeCompatibleName(column.name());
      boolean micros = column.type() == SqlTypeName.TIMESTAMP;
      stored = stored.add(name, micros ? DataTypes.LongType : type(column), true);
      Column value = ColumnNames.ref(name);
      columns[i] = (micros ? TimestampMicros.toTimestamp(value) : value).as(column.name());
    }
    return spark.read().format("avro").schema(stored).load(paths).select(columns);
  }

  /**
   * A managed table's columns are matched to the Parquet files' columns by Iceberg field id (Spark does
   * when {@code spark.sql.parquet.fieldId.read.enabled} is on), not by name: files written before a
   * column was renamed, dropped, added or widened read as the table's columns are now.
   */
  private static Metadata fieldId(ColumnMetadata column) {
    return column.fieldId().isEmpty() ? Metadata.empty()
        : new MetadataBuilder().putLong(FIELD_ID, column.fieldId().getAsInt()).build();
  }

  private static DataType type(ColumnMetadata column) {
    return SparkTypes.of(column.toRelDataType(SparkTypeFactory.INSTANCE));
  }
}
