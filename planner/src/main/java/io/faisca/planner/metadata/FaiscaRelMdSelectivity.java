package io.faisca.planner.metadata;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Selectivity from column statistics. An equi-join keeps
 * {@code 1 / max(distinct keys left, distinct keys right)} of the cross
 * product, which is what lets the join orderer tell a key lookup from a
 * many-to-many match. With several key pairs only the most selective one
 * counts: keys joined together are usually correlated (part and supplier of a
 * line item), and multiplying their selectivities would promise far fewer rows
 * than come.
 */
public final class FaiscaRelMdSelectivity implements MetadataHandler<BuiltInMetadata.Selectivity> {
  public static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
      new FaiscaRelMdSelectivity(), BuiltInMetadata.Selectivity.Handler.class);

  private FaiscaRelMdSelectivity() {
  }

  @Override public MetadataDef<BuiltInMetadata.Selectivity> getDef() {
    return BuiltInMetadata.Selectivity.DEF;
  }

  public Double getSelectivity(TableScan scan, RelMetadataQuery mq, @Nullable RexNode predicate) {
    return new StatisticsSelectivity(field -> ColumnFacts.ofScanField(scan, field)).estimate(predicate);
  }

  public Double getSelectivity(Join join, RelMetadataQuery mq, @Nullable RexNode predicate) {
    if (predicate == null || predicate.isAlwaysTrue()) {
      return 1d;
    }
    if (!join.getJoinType().projectsRight()) {
      return new StatisticsSelectivity(field -> ColumnFacts.ofField(mq, join, field)).estimate(predicate);
    }
    JoinInfo keys = JoinInfo.of(join.getLeft(), join.getRight(), predicate);
    List<RexNode> rest = new ArrayList<>(RelOptUtil.conjunctions(keys.getRemaining(join.getCluster().getRexBuilder())));
    double selectivity = 1;
    for (int i = 0; i < keys.leftKeys.size(); i++) {
      double leftDistinct = distinct(mq, join.getLeft(), ImmutableBitSet.of(keys.leftKeys.get(i)));
      double rightDistinct = distinct(mq, join.getRight(), ImmutableBitSet.of(keys.rightKeys.get(i)));
      selectivity = Math.min(selectivity, 1 / Math.max(1, Math.max(leftDistinct, rightDistinct)));
    }
    RexNode remaining = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), rest);
    if (remaining != null && !remaining.isAlwaysTrue()) {
      selectivity *= new StatisticsSelectivity(field -> ColumnFacts.ofField(mq, join, field)).estimate(remaining);
    }
    return selectivity;
  }

  /** Distinct values of the keys on one side; unknown counts are taken as the side's row count. */
  private static double distinct(RelMetadataQuery mq, RelNode side, ImmutableBitSet keys) {
    Double distinct = mq.getDistinctRowCount(side, keys, null);
    Double rows = mq.getRowCount(side);
    double fallback = rows == null ? 1 : rows;
    return distinct == null ? fallback : Math.min(distinct, fallback);
  }
}
