package io.faisca.runtime.lower.calls;

import io.faisca.runtime.lower.RexToColumn;
import org.apache.calcite.rex.RexCall;
import org.apache.spark.sql.Column;

/** How one SQL operator or function runs in Spark. */
@FunctionalInterface
public interface CallLowering {
  /** The Spark column computing the call; the caller casts it to the call's SQL type. */
  Column lower(RexCall call, RexToColumn rex);
}
