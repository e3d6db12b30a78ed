package io.faisca.planner.physical;

import static java.util.Objects.requireNonNull;

import io.faisca.catalog.FileTable;
import io.faisca.catalog.TableMetadata;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableIntList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads a warehouse table: the listed columns of the rows that pass the
 * filter. The filter refers to the table's own columns, before projection,
 * so Spark can push it into the Parquet reader.
 */
public final class SparkTableScan extends TableScan implements SparkRel {
  private final ImmutableIntList projects;
  private final @Nullable RexNode filter;

  public SparkTableScan(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table,
      List<Integer> projects, @Nullable RexNode filter) {
    super(cluster, traitSet, List.of(), table);
    this.projects = ImmutableIntList.copyOf(projects);
    this.filter = filter;
    assert getConvention() == SparkRel.CONVENTION;
  }

  public static SparkTableScan create(RelOptCluster cluster, RelOptTable table) {
    List<Integer> all = ImmutableIntList.identity(table.getRowType().getFieldCount());
    return new SparkTableScan(cluster, cluster.traitSetOf(SparkRel.CONVENTION), table, all, null);
  }

  public TableMetadata metadata() {
    return requireNonNull(table.unwrap(FileTable.class), "not a warehouse table").metadata();
  }

  /** Table column ordinals, in output order. */
  public ImmutableIntList projects() {
    return projects;
  }

  public @Nullable RexNode filter() {
    return filter;
  }

  public SparkTableScan withProjects(List<Integer> newProjects) {
    return new SparkTableScan(getCluster(), traitSet, table, newProjects, filter);
  }

  public SparkTableScan withFilter(@Nullable RexNode newFilter) {
    return new SparkTableScan(getCluster(), traitSet, table, projects, newFilter);
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new SparkTableScan(getCluster(), traitSet, table, projects, filter);
  }

  @Override public RelDataType deriveRowType() {
    List<RelDataTypeField> fields = table.getRowType().getFieldList();
    RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
    for (int i : projects) {
      builder.add(fields.get(i));
    }
    return builder.build();
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .itemIf("fields", getRowType().getFieldNames(), projects.size() != table.getRowType().getFieldCount())
        .itemIf("filter", filter, filter != null);
  }

  @Override public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double tableRows = table.getRowCount();
    double fraction = (double) Math.max(1, projects.size()) / Math.max(1, table.getRowType().getFieldCount());
    double io = tableRows * fraction;
    return planner.getCostFactory().makeCost(mq.getRowCount(this), tableRows, io);
  }

  @Override public <R> R accept(SparkRelVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
