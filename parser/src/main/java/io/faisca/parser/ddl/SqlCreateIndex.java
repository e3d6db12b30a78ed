package io.faisca.parser.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (column [ASC | DESC], ...)}.
 * Each item of {@code columns} is a column's identifier, or a {@code DESC} call of one.
 */
public final class SqlCreateIndex extends SqlCreate {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);

  public final boolean unique;
  public final SqlIdentifier name;
  public final SqlIdentifier table;
  public final SqlNodeList columns;

  public SqlCreateIndex(SqlParserPos pos, boolean replace, boolean ifNotExists, boolean unique, SqlIdentifier name,
      SqlIdentifier table, SqlNodeList columns) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.unique = unique;
    this.name = requireNonNull(name, "name");
    this.table = requireNonNull(table, "table");
    this.columns = requireNonNull(columns, "columns");
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name, table, columns);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (getReplace()) {
      writer.keyword("OR REPLACE");
    }
    writer.keyword(unique ? "UNIQUE INDEX" : "INDEX");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    writer.keyword("ON");
    table.unparse(writer, leftPrec, rightPrec);
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode column : columns) {
      writer.sep(",");
      column.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
