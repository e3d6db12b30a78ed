package io.faisca.runtime;

import io.faisca.catalog.IcebergSchemas;
import io.faisca.catalog.Relation;
import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import io.faisca.catalog.WarehouseSchema;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.parser.SqlText;
import io.faisca.parser.ddl.SqlCreateView;
import io.faisca.planner.FaiscaPlanner;
import io.faisca.planner.PlannedQuery;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.ddl.SqlDropView;
import org.apache.iceberg.Schema;

/**
 * {@code CREATE [OR REPLACE] VIEW} and {@code DROP VIEW}. A view's query is
 * planned when it is created, so a view that cannot run is never stored; its
 * text is stored as written, with the columns it gives.
 */
final class ViewCommands {
  private ViewCommands() {
  }

  static Command create(String sql, SqlCreateView create, FaiscaPlanner planner) {
    Warehouse warehouse = planner.warehouse();
    TableName name = CatalogNames.written(warehouse, create.name);
    PlannedQuery plan = planner.planView(sql, create.query, name);
    if (plan.parameterRowType().getFieldCount() > 0) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "A view's query cannot have parameters (?)");
    }
    Schema columns = IcebergSchemas.of(named(name, plan.rowType(), create));
    String query = SqlText.of(sql, create.queryText);
    return TableCommands.command(sql, () -> {
      Optional<Relation> existing = warehouse.resolve(name.schema(), name.name(), false);
      boolean replaces = existing.map(found -> found.kind() == Relation.Kind.VIEW && create.getReplace()
          && found.name().equals(name)).orElse(false);
      if (existing.isPresent() && !replaces) {
        throw CatalogNames.taken(name, existing.get());
      }
      warehouse.managedTables().views().create(name, query, WarehouseSchema.NAME, columns,
          create.getReplace());
      return 0;
    });
  }

  static Command drop(String sql, SqlDropView drop, Warehouse warehouse) {
    return TableCommands.command(sql, () -> {
      Optional<Relation> found = CatalogNames.find(warehouse, drop.name);
      if (found.isEmpty()) {
        if (drop.ifExists) {
          return 0;
        }
        throw new FaiscaException(ErrorCode.TABLE_NOT_FOUND, "View '" + CatalogNames.written(warehouse, drop.name)
            + "' does not exist");
      }
      if (found.get().kind() != Relation.Kind.VIEW) {
        throw new FaiscaException(ErrorCode.WRONG_OBJECT_TYPE, "'" + found.get().name() + "' is a table, not a"
            + " view: DROP TABLE drops it");
      }
      warehouse.managedTables().views().drop(found.get().name(), drop.ifExists);
      return 0;
    });
  }

  /** The view's columns: the query's, named by the column list if the statement has one; names are unique. */
  private static RelDataType named(TableName view, RelDataType rowType, SqlCreateView create) {
    List<RelDataTypeField> fields = rowType.getFieldList();
    List<String> names = create.columnList == null ? rowType.getFieldNames()
        : create.columnList.stream().map(column -> ((SqlIdentifier) column).getSimple()).toList();
    if (names.size() != fields.size()) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "View '" + view + "' names " + names.size()
          + " columns, and its query gives " + fields.size());
    }
    Set<String> seen = new HashSet<>();
    RelDataTypeFactory.Builder builder = Command.TYPES.builder();
    for (int i = 0; i < names.size(); i++) {
      if (!seen.add(names.get(i).toLowerCase(Locale.ROOT))) {
        throw new FaiscaException(ErrorCode.INVALID_QUERY, "View '" + view + "' has two columns named '"
            + names.get(i) + "'; name them apart" + (create.columnList == null ? " (with AS, or a column list)" : ""));
      }
      builder.add(names.get(i), fields.get(i).getType());
    }
    return builder.build();
  }
}
