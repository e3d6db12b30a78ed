package io.faisca.planner.metadata;

import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Distinct values of scanned columns from the catalog's estimates. A
 * combination of columns has at most the product of their distinct counts and
 * at most one per row; a predicate thins the rows and so the values.
 */
public final class FaiscaRelMdDistinctRowCount implements MetadataHandler<BuiltInMetadata.DistinctRowCount> {
  public static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
      new FaiscaRelMdDistinctRowCount(), BuiltInMetadata.DistinctRowCount.Handler.class);

  private FaiscaRelMdDistinctRowCount() {
  }

  @Override public MetadataDef<BuiltInMetadata.DistinctRowCount> getDef() {
    return BuiltInMetadata.DistinctRowCount.DEF;
  }

  public @Nullable Double getDistinctRowCount(TableScan scan, RelMetadataQuery mq,
      ImmutableBitSet groupKey, @Nullable RexNode predicate) {
    Double tableRows = mq.getRowCount(scan);
    if (tableRows == null) {
      return null;
    }
    double distinct = 1;
    for (int field : groupKey) {
      ColumnFacts facts = ColumnFacts.ofScanField(scan, field);
      Double columnDistinct = facts == null ? null : facts.statistics().distinctCount();
      if (columnDistinct == null) {
        return null;
      }
      distinct *= Math.max(1, columnDistinct);
    }
    distinct = Math.min(distinct, Math.max(1, tableRows));
    if (predicate == null || predicate.isAlwaysTrue()) {
      return distinct;
    }
    Double selectivity = mq.getSelectivity(scan, predicate);
    double selectedRows = tableRows * (selectivity == null ? 1 : selectivity);
    return RelMdUtil.numDistinctVals(distinct, selectedRows);
  }
}
