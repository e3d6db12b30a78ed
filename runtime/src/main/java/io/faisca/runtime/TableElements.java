package io.faisca.runtime;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;

/**
 * What the parentheses of {@code CREATE TABLE t (...)} hold: column declarations, and key constraints
 * written with a column ({@code pk INTEGER PRIMARY KEY}) or on their own ({@code UNIQUE (a, b)}).
 * {@code UNIQUE} is accepted and not kept: Iceberg has no such constraint, and Faísca (as Iceberg,
 * and warehouses such as Snowflake and Redshift) checks no key's uniqueness.
 */
record TableElements(SqlNodeList columns, List<String> primaryKey) {
  static TableElements of(SqlNodeList elements) {
    List<SqlNode> columns = new ArrayList<>();
    List<SqlKeyConstraint> keys = new ArrayList<>();
    for (SqlNode element : elements) {
      if (element instanceof SqlKeyConstraint key) {
        keys.add(key);
      } else {
        columns.add((SqlColumnDeclaration) element);
      }
    }
    List<SqlKeyConstraint> primaryKeys = keys.stream().filter(key -> key.getKind() == SqlKind.PRIMARY_KEY).toList();
    if (primaryKeys.size() > 1) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "A table has one PRIMARY KEY, not " + primaryKeys.size());
    }
    Set<String> declared = columns.stream()
        .map(column -> ((SqlColumnDeclaration) column).name.getSimple().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    keys.forEach(key -> keyColumns(key).stream()
        .filter(column -> !declared.contains(column.toLowerCase(Locale.ROOT)))
        .findFirst()
        .ifPresent(column -> {
          throw new FaiscaException(ErrorCode.COLUMN_NOT_FOUND, key.getOperator().getName() + " names column '"
              + column + "', which the table does not declare");
        }));
    return new TableElements(new SqlNodeList(columns, elements.getParserPosition()),
        primaryKeys.isEmpty() ? List.of() : keyColumns(primaryKeys.get(0)));
  }

  private static List<String> keyColumns(SqlKeyConstraint key) {
    SqlNodeList columns = (SqlNodeList) key.getOperandList().get(1);
    return columns.stream().map(column -> ((SqlIdentifier) column).getSimple()).toList();
  }
}
