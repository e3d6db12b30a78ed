package io.faisca.planner;

import static java.util.Objects.requireNonNull;

import io.faisca.catalog.ColumnMetadata;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.tools.RelBuilder;

/**
 * The table an INSERT or CREATE TABLE AS writes, and the columns the statement
 * lists (all, in order, when it lists none). The source query's rows are
 * fitted to the table: each listed column takes the source column at its
 * position, cast to the column's type by the same rules as any CAST
 * (rounding half up, overflow an error); a column not listed is NULL.
 *
 * @param table the table's name, for messages
 * @param tableColumns the table's columns as it reads them
 * @param columns the columns the statement lists, or empty for all
 */
public record InsertTarget(String table, List<ColumnMetadata> tableColumns, List<String> columns) {
  public InsertTarget {
    requireNonNull(table, "table");
    tableColumns = List.copyOf(tableColumns);
    columns = List.copyOf(columns);
  }

  /** The source's rows as the table's: one column per table column, named and typed as the table's. */
  RelNode fit(RelNode source, RelBuilder builder) {
    RelDataTypeFactory.Builder columnTypes = builder.getTypeFactory().builder();
    tableColumns.forEach(column -> columnTypes.add(column.name(), column.toRelDataType(builder.getTypeFactory())));
    RelDataType rowType = columnTypes.build();
    List<String> listed = listed(rowType);
    List<RelDataTypeField> values = source.getRowType().getFieldList();
    if (values.size() != listed.size()) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "The INSERT into '" + table + "' gives " + values.size()
          + " values for " + listed.size() + " columns");
    }
    RexBuilder rexBuilder = builder.getRexBuilder();
    builder.push(source);
    List<RexNode> fitted = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (RelDataTypeField column : rowType.getFieldList()) {
      int at = listed.indexOf(column.getName());
      names.add(column.getName());
      if (at < 0) {
        if (!column.getType().isNullable()) {
          throw new FaiscaException(ErrorCode.NOT_NULL_VIOLATION, "Column '" + column.getName() + "' of '" + table
              + "' is NOT NULL, and the INSERT gives it no value");
        }
        fitted.add(rexBuilder.makeNullLiteral(column.getType()));
        continue;
      }
      RelDataType from = values.get(at).getType();
      if (!SqlTypeUtil.canAssignFrom(column.getType(), from)) {
        throw new FaiscaException(ErrorCode.INVALID_CAST, "Column '" + column.getName() + "' of '" + table
            + "' is " + column.getType().getFullTypeString() + "; the INSERT gives it a value of type "
            + from.getFullTypeString());
      }
      RelDataType to = builder.getTypeFactory().createTypeWithNullability(column.getType(), from.isNullable());
      fitted.add(rexBuilder.makeCast(to, builder.field(at), true, false));
    }
    return builder.project(fitted, names, true).build();
  }

  /** The listed columns as the table names them; an unknown or repeated one is an error. */
  private List<String> listed(RelDataType rowType) {
    List<String> all = rowType.getFieldNames();
    if (columns.isEmpty()) {
      return all;
    }
    List<String> listed = new ArrayList<>();
    for (String name : columns) {
      String found = all.contains(name) ? name : all.stream()
          .filter(candidate -> candidate.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
          .findFirst()
          .orElseThrow(() -> new FaiscaException(ErrorCode.COLUMN_NOT_FOUND, "Table '" + table
              + "' has no column '" + name + "'"));
      if (listed.contains(found)) {
        throw new FaiscaException(ErrorCode.INVALID_QUERY, "Column '" + found + "' is listed twice");
      }
      listed.add(found);
    }
    return listed;
  }
}
