package io.faisca.runtime;

import io.faisca.catalog.ColumnMetadata;
import io.faisca.catalog.IcebergSchemas;
import io.faisca.catalog.Relation;
import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Types;

/**
 * {@code DESCRIBE t [column]}: a table's or view's columns with their SQL
 * types, whether they may be NULL, how the table is partitioned by them (a
 * managed table's partition transform, or a raw table's {@code key=value}
 * directories) and their comments.
 */
final class TableDescriptions {
  private static final RelDataType COLUMNS = new ResultColumns()
      .required("column_name", SqlTypeName.VARCHAR)
      .required("column_type", SqlTypeName.VARCHAR)
      .required("nullable", SqlTypeName.BOOLEAN)
      .nullable("partitioning", SqlTypeName.VARCHAR)
      .nullable("comment", SqlTypeName.VARCHAR)
      .build();

  private TableDescriptions() {
  }

  static CatalogQuery describe(String sql, SqlDescribeTable describe, Warehouse warehouse) {
    SqlIdentifier column = describe.getColumn();
    return CatalogQuery.of(sql, COLUMNS, () -> {
      Relation relation = CatalogNames.existing(warehouse, describe.getTable());
      List<Object[]> rows = rows(relation, warehouse);
      if (column == null) {
        return rows;
      }
      List<Object[]> named = rows.stream().filter(row -> row[0].equals(column.getSimple())).toList();
      List<Object[]> found = !named.isEmpty() ? named
          : rows.stream().filter(row -> ((String) row[0]).equalsIgnoreCase(column.getSimple())).limit(1).toList();
      if (found.isEmpty()) {
        throw new FaiscaException(ErrorCode.COLUMN_NOT_FOUND, "Table '" + relation.name() + "' has no column '"
            + column.getSimple() + "'");
      }
      return found;
    });
  }

  private static List<Object[]> rows(Relation relation, Warehouse warehouse) {
    if (relation.kind() == Relation.Kind.MANAGED_TABLE) {
      return managedRows(relation.name(), warehouse.managedTables().load(relation.name())
          .orElseThrow(() -> new FaiscaException(ErrorCode.TABLE_NOT_FOUND, "Table '" + relation.name()
              + "' was dropped")));
    }
    return warehouse.columns(relation).stream()
        .map(column -> row(column, column.partitionKey() ? "key=value directories" : null, null))
        .toList();
  }

  private static List<Object[]> managedRows(TableName name, Table table) {
    List<ColumnMetadata> columns = IcebergSchemas.columns(name.name(), table.schema());
    List<Types.NestedField> fields = table.schema().columns();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      int id = fields.get(i).fieldId();
      String partitioning = table.spec().fields().stream().filter(field -> field.sourceId() == id)
          .map(PartitionField::transform).map(Object::toString).collect(Collectors.joining(", "));
      rows.add(row(columns.get(i), partitioning.isEmpty() ? null : partitioning, fields.get(i).doc()));
    }
    return rows;
  }

  private static Object[] row(ColumnMetadata column, String partitioning, String comment) {
    return new Object[] {column.name(), column.typeName(), column.nullable(), partitioning, comment};
  }
}
