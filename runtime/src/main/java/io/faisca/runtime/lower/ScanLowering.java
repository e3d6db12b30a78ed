package io.faisca.runtime.lower;

import io.faisca.catalog.ColumnMetadata;
import io.faisca.catalog.TableMetadata;
import io.faisca.planner.physical.SparkTableScan;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads the files the catalog listed when the query was planned, with the
 * schema the catalog read from their footers or metadata, then filters and
 * projects. Spark pushes the filter and the column list into its reader.
 */
final class ScanLowering {
  private ScanLowering() {
  }

  static Dataset<Row> lower(SparkTableScan scan, LoweringContext context) {
    TableMetadata table = scan.metadata();
    Dataset<Row> files = TableFileReader.read(table, context.spark());
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
}
