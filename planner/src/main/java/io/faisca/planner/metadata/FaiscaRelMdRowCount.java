package io.faisca.planner.metadata;

import io.faisca.catalog.TableMetadata;
import io.faisca.planner.physical.SparkTableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/** Rows out of a scan: the table's rows thinned by the filter the scan applies, judged on the table's columns. */
public final class FaiscaRelMdRowCount implements MetadataHandler<BuiltInMetadata.RowCount> {
  public static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
      new FaiscaRelMdRowCount(), BuiltInMetadata.RowCount.Handler.class);

  private FaiscaRelMdRowCount() {
  }

  @Override public MetadataDef<BuiltInMetadata.RowCount> getDef() {
    return BuiltInMetadata.RowCount.DEF;
  }

  public Double getRowCount(SparkTableScan scan, RelMetadataQuery mq) {
    TableMetadata table = scan.metadata();
    double rows = table.rowCount();
    if (scan.filter() == null) {
      return rows;
    }
    return rows * new StatisticsSelectivity(column -> ColumnFacts.of(table, column)).estimate(scan.filter());
  }
}
