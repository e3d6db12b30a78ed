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
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the files the catalog listed with Spark's reader for the table's
 * format, as the table's columns under their own names. Spark reads Parquet
 * and Avro columns by name; Avro names are Iceberg's Avro-safe spellings of
 * the column names, and a TIMESTAMP there is the microseconds Iceberg stores.
 */
final class TableFileReader {
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
        .map(c -> DataTypes.createStructField(c.name(), type(c), true))
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

  private static DataType type(ColumnMetadata column) {
    return SparkTypes.of(column.toRelDataType(SparkTypeFactory.INSTANCE));
  }
}
