package io.faisca.parser.ddl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code ALTER TABLE t} with one change: add, drop or rename a column, widen
 * a column's type, or rename the table. Calcite's {@code ALTER} is for
 * {@code SYSTEM} and {@code SESSION} settings only.
 */
public final class SqlAlterTable extends SqlDdl {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  public final SqlIdentifier name;
  public final Change change;

  public SqlAlterTable(SqlParserPos pos, SqlIdentifier name, Change change) {
    super(OPERATOR, pos);
    this.name = requireNonNull(name, "name");
    this.change = requireNonNull(change, "change");
  }

  @Override public List<SqlNode> getOperandList() {
    List<SqlNode> operands = new ArrayList<>();
    operands.add(name);
    operands.addAll(change.operands());
    return operands;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    name.unparse(writer, 0, 0);
    change.unparse(writer);
  }

  /** What an {@code ALTER TABLE} changes. */
  public sealed interface Change permits AddColumn, DropColumn, RenameColumn, AlterColumnType, RenameTable {
    List<SqlNode> operands();

    void unparse(SqlWriter writer);
  }

  /** {@code ADD [COLUMN] c type [NOT NULL]}. */
  public record AddColumn(SqlColumnDeclaration column) implements Change {
    @Override public List<SqlNode> operands() {
      return List.of(column);
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("ADD COLUMN");
      column.unparse(writer, 0, 0);
    }
  }

  /** {@code DROP [COLUMN] c}. */
  public record DropColumn(SqlIdentifier column) implements Change {
    @Override public List<SqlNode> operands() {
      return List.of(column);
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("DROP COLUMN");
      column.unparse(writer, 0, 0);
    }
  }

  /** {@code RENAME COLUMN c TO d}. */
  public record RenameColumn(SqlIdentifier column, SqlIdentifier newName) implements Change {
    @Override public List<SqlNode> operands() {
      return List.of(column, newName);
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("RENAME COLUMN");
      column.unparse(writer, 0, 0);
      writer.keyword("TO");
      newName.unparse(writer, 0, 0);
    }
  }

  /** {@code ALTER [COLUMN] c [SET DATA] TYPE type}. */
  public record AlterColumnType(SqlIdentifier column, SqlDataTypeSpec type) implements Change {
    @Override public List<SqlNode> operands() {
      return List.of(column, type);
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("ALTER COLUMN");
      column.unparse(writer, 0, 0);
      writer.keyword("TYPE");
      type.unparse(writer, 0, 0);
    }
  }

  /** {@code RENAME TO u}. */
  public record RenameTable(SqlIdentifier newName) implements Change {
    @Override public List<SqlNode> operands() {
      return List.of(newName);
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("RENAME TO");
      newName.unparse(writer, 0, 0);
    }
  }
}
