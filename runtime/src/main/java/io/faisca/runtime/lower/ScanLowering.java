package io.faisca.runtime.lower;

import io.faisca.catalog.ColumnMetadata;
import io.faisca.catalog.DataFile;
import io.faisca.catalog.TableMetadata;
import io.faisca.planner.physical.SparkTableScan;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the files the catalog listed when the query was planned, with the
 * schema the catalog read from their footers (or a managed table's schema),
 * then filters and projects. Spark pushes the filter and the column list into
 * its Parquet reader. A managed table's columns are matched to the files'
 * columns by Iceberg field id, not by name: files written before a column was
 * renamed, dropped, added or widened read as the table's columns are now.
 */
final class ScanLowering {
  /** Where Spark's Parquet reader (and writer) look for a column's field id. */
  private static final String FIELD_ID = "parquet.field.id";

  private ScanLowering() {
  }

  static Dataset<Row> lower(SparkTableScan scan, LoweringContext context) {
    TableMetadata table = scan.metadata();
    String[] paths = table.files().stream().map(DataFile::path).toArray(String[]::new);
    Dataset<Row> files = context.spark().read()
        .schema(readSchema(table))
        .option("basePath", table.location())
        .parquet(paths);
    List<String> tableColumns = table.columns().stream().map(ColumnMetadata::name).toList();
    if (scan.filter() != null) {
      files = files.filter(new RexToColumn(tableColumns, context).lower(scan.filter()));
    }
    List<String> names = ColumnNames.of(scan.getRowType());
    Column[] columns = new Column[scan.projects().size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = ColumnNames.ref(tableColumns.get(scan.projects().get(i))).as(names.get(i));
    }
    return files.select(columns);
  }

  private static StructType readSchema(TableMetadata table) {
    StructField[] fields = table.columns().stream()
        .map(c -> DataTypes.createStructField(c.name(), SparkTypes.of(
            c.toRelDataType(SparkTypeFactory.INSTANCE)), true, fieldId(c)))
        .toArray(StructField[]::new);
    return DataTypes.createStructType(fields);
  }

  /** Spark matches a column by this id when {@code spark.sql.parquet.fieldId.read.enabled} is on. */
  private static Metadata fieldId(ColumnMetadata column) {
    return column.fieldId().isEmpty() ? Metadata.empty()
        : new MetadataBuilder().putLong(FIELD_ID, column.fieldId().getAsInt()).build();
  }
}
