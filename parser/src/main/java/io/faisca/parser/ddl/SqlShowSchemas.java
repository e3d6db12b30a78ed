package io.faisca.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW SCHEMAS}: the schemas of the warehouse, answered from its catalog. */
public final class SqlShowSchemas extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW SCHEMAS", SqlKind.OTHER);

  public SqlShowSchemas(SqlParserPos pos) {
    super(pos);
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SHOW SCHEMAS");
  }
}
