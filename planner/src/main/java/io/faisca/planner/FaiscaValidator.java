package io.faisca.planner;

import java.util.Locale;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's validator, naming unnamed result columns the way PostgreSQL
 * does: a function call after its function ({@code count}, {@code sum}), a
 * cast after what it casts, anything else {@code exprN}. Calcite's own
 * {@code EXPR$N} names trip up tools that treat {@code $} specially.
 */
final class FaiscaValidator extends SqlValidatorImpl {
  FaiscaValidator(SqlOperatorTable operators, SqlValidatorCatalogReader catalogReader,
      RelDataTypeFactory typeFactory, Config config) {
    super(operators, catalogReader, typeFactory, config);
  }

  @Override public @Nullable String deriveAlias(SqlNode node, int ordinal) {
    String alias = super.deriveAlias(node, -1);
    if (alias != null || ordinal < 0) {
      return alias;
    }
    if (node instanceof SqlCall call) {
      if (call.getKind() == SqlKind.CAST && call.operandCount() > 0) {
        return deriveAlias(call.operand(0), ordinal);
      }
      if (call.getOperator() instanceof SqlFunction function) {
        return function.getName().toLowerCase(Locale.ROOT);
      }
    }
    return "expr" + ordinal;
  }
}
