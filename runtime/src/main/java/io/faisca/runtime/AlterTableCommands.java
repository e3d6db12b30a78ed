package io.faisca.runtime;

import io.faisca.catalog.ColumnChanges;
import io.faisca.catalog.ManagedTables;
import io.faisca.catalog.Relation;
import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.parser.ddl.SqlAlterTable;
import io.faisca.planner.FaiscaPlanner;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlDdlNodes;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.iceberg.Table;

/**
 * {@code ALTER TABLE} of a managed table: one change to its columns (see
 * {@link ColumnChanges}), or a new name. Types are derived as
 * {@code CREATE TABLE} derives them.
 */
final class AlterTableCommands {
  private AlterTableCommands() {
  }

  static Command alter(String sql, SqlAlterTable alter, FaiscaPlanner planner) {
    Warehouse warehouse = planner.warehouse();
    ManagedTables tables = warehouse.managedTables();
    SqlAlterTable.Change change = alter.change;
    if (change instanceof SqlAlterTable.RenameTable rename) {
      return TableCommands.command(sql, () -> {
        TableName from = CatalogNames.managedTable(warehouse, alter.name, "ALTER TABLE");
        TableName to = CatalogNames.written(warehouse, rename.newName(), from.schema());
        // The table may take its own name in another case; any other table or view's is taken.
        Optional<Relation> taken = warehouse.resolve(to.schema(), to.name(), false);
        if (taken.isPresent() && !taken.get().name().equals(from)) {
          throw CatalogNames.taken(to, taken.get());
        }
        if (!to.equals(from)) {
          tables.rename(from, to);
        }
        return 0;
      });
    }
    Consumer<ColumnChanges> columns = columnChange(change, planner);
    return TableCommands.command(sql, () -> {
      TableName name = CatalogNames.managedTable(warehouse, alter.name, "ALTER TABLE");
      Table table = tables.load(name).orElseThrow(() -> new FaiscaException(ErrorCode.TABLE_NOT_FOUND,
          "Table '" + name + "' was dropped"));
      columns.accept(new ColumnChanges(table, name));
      return 0;
    });
  }

  private static Consumer<ColumnChanges> columnChange(SqlAlterTable.Change change, FaiscaPlanner planner) {
    if (change instanceof SqlAlterTable.AddColumn add) {
      RelDataType type = type(planner, add.column());
      String column = add.column().name.getSimple();
      return columns -> columns.add(column, type);
    }
    if (change instanceof SqlAlterTable.DropColumn drop) {
      return columns -> columns.drop(drop.column().getSimple());
    }
    if (change instanceof SqlAlterTable.RenameColumn rename) {
      return columns -> columns.rename(rename.column().getSimple(), rename.newName().getSimple());
    }
    SqlAlterTable.AlterColumnType alter = (SqlAlterTable.AlterColumnType) change;
    SqlIdentifier column = alter.column();
    RelDataType type = type(planner, (SqlColumnDeclaration) SqlDdlNodes.column(SqlParserPos.ZERO, column,
        alter.type(), null, ColumnStrategy.NULLABLE));
    return columns -> columns.changeType(column.getSimple(), type);
  }

  private static RelDataType type(FaiscaPlanner planner, SqlColumnDeclaration column) {
    return planner.rowType(SqlNodeList.of(column)).getFieldList().get(0).getType();
  }
}
