package io.faisca.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code name => literal}, one named argument of a procedure. */
public final class SqlProcedureArgument extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("=>", SqlKind.OTHER);

  public final SqlIdentifier name;
  public final SqlLiteral value;

  public SqlProcedureArgument(SqlParserPos pos, SqlIdentifier name, SqlLiteral value) {
    super(pos);
    this.name = name;
    this.value = value;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name, value);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    writer.keyword("=>");
    value.unparse(writer, 0, 0);
  }
}
