package io.faisca.planner.physical;

/**
 * One method per physical operator. The runtime implements it to lower a
 * plan; adding an operator here makes every implementation say how it runs.
 */
public interface SparkRelVisitor<R> {
  R visit(SparkTableScan scan);

  R visit(SparkValues values);

  R visit(SparkProject project);

  R visit(SparkFilter filter);

  R visit(SparkAggregate aggregate);

  R visit(SparkJoin join);

  R visit(SparkSort sort);

  R visit(SparkUnion union);

  R visit(SparkIntersect intersect);

  R visit(SparkMinus minus);

  R visit(SparkWindow window);
}
