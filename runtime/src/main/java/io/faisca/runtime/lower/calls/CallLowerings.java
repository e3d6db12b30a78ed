package io.faisca.runtime.lower.calls;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.runtime.lower.RexToColumn;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.spark.sql.Column;

/**
 * Finds the lowering of a call: first by the operator's name (functions,
 * and variants such as ILIKE that share a kind), then by its kind (operators).
 * Each family of functions registers itself.
 */
public final class CallLowerings {
  private static final Map<String, CallLowering> BY_NAME = new HashMap<>();
  private static final Map<SqlKind, CallLowering> BY_KIND = new EnumMap<>(SqlKind.class);

  static {
    Registry registry = new Registry();
    Arithmetic.register(registry);
    Comparisons.register(registry);
    Conditionals.register(registry);
    Casts.register(registry);
    Strings.register(registry);
    MathFunctions.register(registry);
    DateTimes.register(registry);
  }

  private CallLowerings() {
  }

  /** The operator names with a lowering of their own. */
  public static Set<String> loweredNames() {
    return Set.copyOf(BY_NAME.keySet());
  }

  /** The kinds of operator with a lowering, whatever their name. */
  public static Set<SqlKind> loweredKinds() {
    return Set.copyOf(BY_KIND.keySet());
  }

  public static Column lower(RexCall call, RexToColumn rex) {
    CallLowering lowering = BY_NAME.get(call.getOperator().getName().toUpperCase(Locale.ROOT));
    if (lowering == null) {
      lowering = BY_KIND.get(call.getKind());
    }
    if (lowering == null) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED,
          "Faísca cannot run the function " + call.getOperator().getName() + " yet");
    }
    return lowering.lower(call, rex);
  }

  /** Where families put their lowerings. */
  static final class Registry {
    void kind(SqlKind kind, CallLowering lowering) {
      if (BY_KIND.put(kind, lowering) != null) {
        throw new IllegalStateException("two lowerings for " + kind);
      }
    }

    void name(String name, CallLowering lowering) {
      if (BY_NAME.put(name, lowering) != null) {
        throw new IllegalStateException("two lowerings for " + name);
      }
    }
  }
}
