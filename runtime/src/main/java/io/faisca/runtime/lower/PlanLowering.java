package io.faisca.runtime.lower;

import io.faisca.planner.physical.SparkAggregate;
import io.faisca.planner.physical.SparkFilter;
import io.faisca.planner.physical.SparkIntersect;
import io.faisca.planner.physical.SparkJoin;
import io.faisca.planner.physical.SparkMinus;
import io.faisca.planner.physical.SparkProject;
import io.faisca.planner.physical.SparkRel;
import io.faisca.planner.physical.SparkRelVisitor;
import io.faisca.planner.physical.SparkSort;
import io.faisca.planner.physical.SparkTableScan;
import io.faisca.planner.physical.SparkUnion;
import io.faisca.planner.physical.SparkValues;
import io.faisca.planner.physical.SparkWindow;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Lowers a physical plan to a Spark Dataset, bottom up. It only wires inputs
 * to outputs: each operator's own lowering class says how it runs, and every
 * result carries the column names {@link ColumnNames} gives its row type.
 */
public final class PlanLowering implements SparkRelVisitor<Dataset<Row>> {
  private final LoweringContext context;

  public PlanLowering(LoweringContext context) {
    this.context = context;
  }

  public Dataset<Row> lower(SparkRel rel) {
    Dataset<Row> dataset = rel.accept(this);
    List<String> expected = ColumnNames.of(rel.getRowType());
    if (!Arrays.asList(dataset.columns()).equals(expected)) {
      dataset = dataset.toDF(expected.toArray(String[]::new));
    }
    return dataset;
  }

  private Dataset<Row> input(RelNode input) {
    return lower((SparkRel) input);
  }

  @Override public Dataset<Row> visit(SparkTableScan scan) {
    return ScanLowering.lower(scan, context);
  }

  @Override public Dataset<Row> visit(SparkValues values) {
    return ValuesLowering.lower(values, context);
  }

  @Override public Dataset<Row> visit(SparkProject project) {
    return ProjectLowering.lower(project, input(project.getInput()), context);
  }

  @Override public Dataset<Row> visit(SparkFilter filter) {
    return FilterLowering.lower(filter, input(filter.getInput()), context);
  }

  @Override public Dataset<Row> visit(SparkAggregate aggregate) {
    return AggregateLowering.lower(aggregate, input(aggregate.getInput()), context);
  }

  @Override public Dataset<Row> visit(SparkJoin join) {
    return JoinLowering.lower(join, input(join.getLeft()), input(join.getRight()), context);
  }

  @Override public Dataset<Row> visit(SparkSort sort) {
    return SortLowering.lower(sort, input(sort.getInput()), context);
  }

  @Override public Dataset<Row> visit(SparkUnion union) {
    return SetOpLowering.union(union, union.getInputs().stream().map(this::input).toList());
  }

  @Override public Dataset<Row> visit(SparkIntersect intersect) {
    return SetOpLowering.intersect(intersect, intersect.getInputs().stream().map(this::input).toList());
  }

  @Override public Dataset<Row> visit(SparkMinus minus) {
    return SetOpLowering.minus(minus, minus.getInputs().stream().map(this::input).toList());
  }

  @Override public Dataset<Row> visit(SparkWindow window) {
    return WindowLowering.lower(window, input(window.getInput()), context);
  }
}
