package io.faisca.planner;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Names the unnamed items of every select list the way PostgreSQL does, before
 * validation: a function call after its function ({@code count}, {@code sum}),
 * a cast after what it casts, a window function after the function, anything
 * else {@code exprN}. Calcite's own
 * {@code EXPR$N} names trip up tools that treat {@code $} specially.
 */
final class ColumnNaming extends SqlShuttle {
  private ColumnNaming() {
  }

  static SqlNode apply(SqlNode query) {
    return query.accept(new ColumnNaming());
  }

  @Override public @Nullable SqlNode visit(SqlCall call) {
    if (call instanceof SqlSelect select) {
      name(select.getSelectList());
    }
    return super.visit(call);
  }

  private static void name(SqlNodeList items) {
    Set<String> taken = new HashSet<>();
    for (SqlNode item : items) {
      String alias = SqlValidatorUtil.alias(item);
      if (alias != null) {
        taken.add(alias);
      }
    }
    for (int i = 0; i < items.size(); i++) {
      SqlNode item = items.get(i);
      if (SqlValidatorUtil.alias(item) != null || isStar(item)) {
        continue;
      }
      String name = SqlValidatorUtil.uniquify(name(item, i), taken, SqlValidatorUtil.EXPR_SUGGESTER);
      taken.add(name);
      items.set(i, SqlValidatorUtil.addAlias(item, name));
    }
  }

  private static boolean isStar(SqlNode item) {
    return item instanceof SqlIdentifier identifier && identifier.isStar();
  }

  private static String name(SqlNode node, int ordinal) {
    String alias = SqlValidatorUtil.alias(node);
    if (alias != null) {
      return alias;
    }
    if (node instanceof SqlCall call) {
      if ((call.getKind() == SqlKind.CAST || call.getKind() == SqlKind.OVER) && call.operandCount() > 0) {
        return name(call.operand(0), ordinal);
      }
      if (call.getOperator() instanceof SqlFunction function) {
        return function.getName().toLowerCase(Locale.ROOT);
      }
    }
    return "expr" + ordinal;
  }
}
