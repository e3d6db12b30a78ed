package io.faisca.runtime.lower;

import static java.util.Objects.requireNonNull;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.spark.sql.SparkSession;

/**
 * What lowering a plan needs besides the plan: the Spark session, the values
 * bound to the statement's {@code ?} parameters, and a RexBuilder for the few
 * expressions that are expanded before lowering.
 */
public final class LoweringContext {
  private final SparkSession spark;
  private final List<Object> parameters;
  private final RexBuilder rexBuilder;

  public LoweringContext(SparkSession spark, List<?> parameters, RexBuilder rexBuilder) {
    this.spark = requireNonNull(spark, "spark");
    this.parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    this.rexBuilder = requireNonNull(rexBuilder, "rexBuilder");
  }

  public SparkSession spark() {
    return spark;
  }

  public RexBuilder rexBuilder() {
    return rexBuilder;
  }

  public Object parameter(int index) {
    if (index >= parameters.size()) {
      throw new FaiscaException(ErrorCode.INVALID_ARGUMENT,
          "No value bound to parameter " + (index + 1) + " of " + Math.max(parameters.size(), index + 1));
    }
    return parameters.get(index);
  }
}
