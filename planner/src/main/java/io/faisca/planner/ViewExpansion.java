package io.faisca.planner;

import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.parser.FaiscaParser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Plans a view's query in place of the view, wherever a query names it: the
 * stored SQL is parsed, validated against today's catalog (its unqualified
 * names in the schema it was created in) and converted in the same planning
 * session, then cast to the columns the view was created with. A view whose
 * tables are gone, or whose query no longer fits its columns, is an error
 * that names the view; so is a view that reads itself.
 */
final class ViewExpansion implements RelOptTable.ViewExpander {
  /** The parts of a planning session a view's query is planned with. */
  interface Planning {
    CalciteCatalogReader reader(List<String> schemaPath);

    SqlValidator validator(CalciteCatalogReader reader);

    SqlToRelConverter converter(SqlValidator validator, CalciteCatalogReader reader);

    RelDataTypeFactory typeFactory();
  }

  private final Planning planning;
  private final Warehouse warehouse;
  /** The views being expanded, innermost first; the view being defined, if any, at the bottom. */
  private final Deque<TableName> expanding = new ArrayDeque<>();

  ViewExpansion(Planning planning, Warehouse warehouse) {
    this.planning = planning;
    this.warehouse = warehouse;
  }

  /** Plans the query of a view about to be created or replaced: reading that view from it is a cycle. */
  void defining(TableName view) {
    expanding.push(view);
  }

  @Override public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
      @Nullable List<String> viewPath) {
    TableName view = new TableName(viewPath.get(0), viewPath.get(1));
    if (expanding.contains(view)) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "View '" + view + "' reads itself"
          + (expanding.peek().equals(view) ? "" : " through view '" + expanding.peek() + "'"));
    }
    expanding.push(view);
    try {
      CalciteCatalogReader reader = planning.reader(schemaPath);
      SqlValidator validator = planning.validator(reader);
      SqlNode validated = validator.validate(ColumnNaming.apply(FaiscaParser.parse(queryString)));
      RelRoot root = planning.converter(validator, reader).convertQuery(validated, false, false);
      return RelRoot.of(fit(view, root.project(), rowType), SqlKind.SELECT);
    } catch (CalciteContextException e) {
      throw inView(view, ValidationErrors.translate(e, warehouse));
    } catch (FaiscaException e) {
      throw inView(view, e);
    } finally {
      expanding.pop();
    }
  }

  private static FaiscaException inView(TableName view, FaiscaException e) {
    if (e.getMessage().startsWith("View '")) {
      return e;
    }
    return new FaiscaException(e.code(), "View '" + view + "' cannot be read: " + e.getMessage(), e);
  }

  /**
   * The query's rows as the view's columns. A column may have become narrower than when the view was
   * created, never wider: a value that no longer fits would fail, or be cut, at run time.
   */
  private RelNode fit(TableName view, RelNode rows, RelDataType columns) {
    List<RelDataTypeField> actual = rows.getRowType().getFieldList();
    List<RelDataTypeField> declared = columns.getFieldList();
    if (actual.size() != declared.size()) {
      throw stale(view, "its query now gives " + actual.size() + " columns, where it was created with "
          + declared.size());
    }
    RelDataTypeFactory types = planning.typeFactory();
    for (int i = 0; i < actual.size(); i++) {
      RelDataType now = actual.get(i).getType();
      RelDataType then = declared.get(i).getType();
      RelDataType wider = types.leastRestrictive(List.of(now, then));
      if (wider == null || !SqlTypeUtil.equalSansNullability(types, wider, then)) {
        throw stale(view, "column '" + declared.get(i).getName() + "' was " + then.getFullTypeString()
            + " when the view was created, and its query now gives " + now.getFullTypeString());
      }
    }
    return RelOptUtil.createCastRel(rows, columns, true);
  }

  private static FaiscaException stale(TableName view, String why) {
    return new FaiscaException(ErrorCode.INVALID_QUERY, "View '" + view + "' no longer fits its tables: " + why
        + ". Create it again (CREATE OR REPLACE VIEW)");
  }
}
