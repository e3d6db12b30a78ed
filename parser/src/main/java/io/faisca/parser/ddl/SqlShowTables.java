package io.faisca.parser.ddl;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code SHOW TABLES [FROM | IN schema]}: tables and views of one schema, or of all. */
public final class SqlShowTables extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW TABLES", SqlKind.OTHER);

  private final @Nullable SqlIdentifier schema;

  public SqlShowTables(SqlParserPos pos, @Nullable SqlIdentifier schema) {
    super(pos);
    this.schema = schema;
  }

  /** The schema named, if any. */
  public Optional<SqlIdentifier> schema() {
    return Optional.ofNullable(schema);
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return schema == null ? List.of() : List.of(schema);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SHOW TABLES");
    if (schema != null) {
      writer.keyword("FROM");
      schema.unparse(writer, leftPrec, rightPrec);
    }
  }
}
