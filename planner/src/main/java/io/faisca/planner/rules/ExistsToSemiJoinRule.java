package io.faisca.planner.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilder;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.immutables.value.Value;

/**
 * Turns {@code [NOT] EXISTS (SELECT ... FROM x WHERE <correlated condition>)}
 * in a filter into a semi (anti) join of the filter's input with {@code x} on
 * that condition. The general decorrelator would instead join {@code x} with
 * the distinct outer keys and aggregate; when the correlation involves
 * {@code <>}, as in TPC-H q21, it rebuilds the whole outer query for those
 * keys. A semi join with the inequality in its condition is what Spark runs best.
 *
 * <p>Applies when the sub-query is a filter over an uncorrelated input (under
 * any projections) and refers to the outer row only in that filter.
 */
@Value.Enclosing
public final class ExistsToSemiJoinRule extends RelRule<ExistsToSemiJoinRule.Config> {
  private ExistsToSemiJoinRule(Config config) {
    super(config);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    Set<CorrelationId> variables = filter.getVariablesSet();
    RelBuilder builder = call.builder().push(filter.getInput());
    List<RexNode> remaining = new ArrayList<>();
    boolean changed = false;
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      boolean negated = conjunct.getKind() == SqlKind.NOT;
      RexNode exists = negated ? ((RexCall) conjunct).getOperands().get(0) : conjunct;
      Semi semi = exists instanceof RexSubQuery subQuery && subQuery.getKind() == SqlKind.EXISTS
          ? semiJoinOf(subQuery.rel, variables, filter.getInput().getRowType().getFieldCount())
          : null;
      if (semi == null) {
        remaining.add(conjunct);
        continue;
      }
      builder.push(semi.right()).join(negated ? JoinRelType.ANTI : JoinRelType.SEMI, semi.condition());
      changed = true;
    }
    if (changed) {
      call.transformTo(builder.filter(remaining).build());
    }
  }

  /** The right input and join condition for a sub-query, or null when it does not have the shape. */
  private static @Nullable Semi semiJoinOf(RelNode subQuery, Set<CorrelationId> variables, int leftCount) {
    RelNode rel = subQuery;
    while (rel instanceof Project project && RelOptUtil.getVariablesUsed(project).isEmpty()) {
      rel = project.getInput();
    }
    if (!(rel instanceof Filter inner) || !RelOptUtil.getVariablesUsed(inner.getInput()).isEmpty()) {
      return null;
    }
    CorrelationRewriter rewriter = new CorrelationRewriter(variables, leftCount);
    RexNode condition = inner.getCondition().accept(rewriter);
    return rewriter.valid ? new Semi(inner.getInput(), condition) : null;
  }

  private record Semi(RelNode right, RexNode condition) {
  }

  /** Outer fields become left inputs of the join; the sub-query's own fields shift right of them. */
  private static final class CorrelationRewriter extends RexShuttle {
    private final Set<CorrelationId> variables;
    private final int leftCount;
    private boolean valid = true;

    CorrelationRewriter(Set<CorrelationId> variables, int leftCount) {
      this.variables = variables;
      this.leftCount = leftCount;
    }

    @Override public RexNode visitInputRef(RexInputRef ref) {
      return new RexInputRef(ref.getIndex() + leftCount, ref.getType());
    }

    @Override public RexNode visitFieldAccess(RexFieldAccess access) {
      if (access.getReferenceExpr() instanceof RexCorrelVariable variable && variables.contains(variable.id)) {
        return new RexInputRef(access.getField().getIndex(), access.getType());
      }
      valid = false;
      return access;
    }

    @Override public RexNode visitCorrelVariable(RexCorrelVariable variable) {
      valid = false;
      return variable;
    }

    @Override public RexNode visitSubQuery(RexSubQuery subQuery) {
      valid = false;
      return subQuery;
    }
  }

  /** Rule configuration. */
  @Value.Immutable
  public interface Config extends RelRule.Config {
    Config DEFAULT = ImmutableExistsToSemiJoinRule.Config.of()
        .withOperandSupplier(b -> b.operand(LogicalFilter.class)
            .predicate(f -> containsExists(f.getCondition()))
            .anyInputs());

    @Override default ExistsToSemiJoinRule toRule() {
      return new ExistsToSemiJoinRule(this);
    }
  }

  private static boolean containsExists(RexNode condition) {
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      RexNode inner = conjunct.getKind() == SqlKind.NOT ? ((RexCall) conjunct).getOperands().get(0) : conjunct;
      if (inner instanceof RexSubQuery subQuery && subQuery.getKind() == SqlKind.EXISTS) {
        return true;
      }
    }
    return false;
  }
}
