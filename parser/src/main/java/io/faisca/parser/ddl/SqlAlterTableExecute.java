package io.faisca.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code ALTER TABLE t EXECUTE procedure(name => value, …)}: a maintenance procedure run on one table,
 * in Trino's syntax (e.g. {@code remove_orphan_files(retention_threshold => '7d')}).
 */
public final class SqlAlterTableExecute extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER TABLE EXECUTE", SqlKind.OTHER_DDL);

  public final SqlIdentifier table;
  public final SqlIdentifier procedure;
  /** The arguments, each a {@link SqlProcedureArgument}. */
  public final SqlNodeList arguments;

  public SqlAlterTableExecute(SqlParserPos pos, SqlIdentifier table, SqlIdentifier procedure,
      SqlNodeList arguments) {
    super(pos);
    this.table = table;
    this.procedure = procedure;
    this.arguments = arguments;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(table, procedure, arguments);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    table.unparse(writer, 0, 0);
    writer.keyword("EXECUTE");
    procedure.unparse(writer, 0, 0);
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode argument : arguments) {
      writer.sep(",");
      argument.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
