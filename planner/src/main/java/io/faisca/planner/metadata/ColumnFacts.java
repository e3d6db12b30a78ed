package io.faisca.planner.metadata;

import io.faisca.catalog.ColumnStatistics;
import io.faisca.catalog.FileTable;
import io.faisca.catalog.TableMetadata;
import io.faisca.planner.physical.SparkTableScan;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Statistics of a stored column together with the row count of its table,
 * found for a field of any relational expression that passes the column
 * through unchanged.
 */
record ColumnFacts(ColumnStatistics statistics, double tableRows) {

  /** Null fraction of the column, 0 when the table is empty. */
  double nullFraction() {
    return tableRows <= 0 ? 0 : Math.min(1, statistics.nullCount() / tableRows);
  }

  static @Nullable ColumnFacts ofScanField(TableScan scan, int field) {
    FileTable table = scan.getTable().unwrap(FileTable.class);
    if (table == null) {
      return null;
    }
    int column = scan instanceof SparkTableScan spark ? spark.projects().get(field) : field;
    return of(table.metadata(), column);
  }

  static @Nullable ColumnFacts ofField(RelMetadataQuery mq, RelNode rel, int field) {
    if (rel instanceof TableScan scan) {
      return ofScanField(scan, field);
    }
    RelColumnOrigin origin = mq.getColumnOrigin(rel, field);
    if (origin == null || origin.isDerived()) {
      return null;
    }
    RelOptTable table = origin.getOriginTable();
    FileTable fileTable = table.unwrap(FileTable.class);
    return fileTable == null ? null : of(fileTable.metadata(), origin.getOriginColumnOrdinal());
  }

  static ColumnFacts of(TableMetadata metadata, int column) {
    return new ColumnFacts(metadata.columns().get(column).statistics(), metadata.rowCount());
  }
}
