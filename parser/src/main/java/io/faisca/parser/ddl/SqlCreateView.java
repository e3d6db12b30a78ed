package io.faisca.parser.ddl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
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
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code CREATE [OR REPLACE] VIEW v [(columns)] AS query}. Beside Calcite's
 * own node it knows where the query's text is: a view stores its query as
 * the user wrote it, and a query node's position does not always cover all
 * of it (a {@code WITH} or {@code ORDER BY} node starts or ends inside).
 */
public final class SqlCreateView extends SqlCreate {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

  public final SqlIdentifier name;
  public final @Nullable SqlNodeList columnList;
  public final SqlNode query;
  /** From the first token after {@code AS} to the last of the query. */
  public final SqlParserPos queryText;

  public SqlCreateView(SqlParserPos pos, boolean replace, SqlIdentifier name, @Nullable SqlNodeList columnList,
      SqlNode query, SqlParserPos queryText) {
    super(OPERATOR, pos, replace, false);
    this.name = requireNonNull(name, "name");
    this.columnList = columnList;
    this.query = requireNonNull(query, "query");
    this.queryText = requireNonNull(queryText, "queryText");
  }

  @Override public List<SqlNode> getOperandList() {
    List<SqlNode> operands = new ArrayList<>();
    operands.add(name);
    if (columnList != null) {
      operands.add(columnList);
    }
    operands.add(query);
    return operands;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE VIEW" : "CREATE VIEW");
    name.unparse(writer, leftPrec, rightPrec);
    if (columnList != null) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      columnList.forEach(column -> {
        writer.sep(",");
        column.unparse(writer, 0, 0);
      });
      writer.endList(frame);
    }
    writer.keyword("AS");
    writer.newlineAndIndent();
    query.unparse(writer, 0, 0);
  }
}
