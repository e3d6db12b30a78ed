package io.faisca.parser.ddl;

import static java.util.Objects.requireNonNull;

import io.faisca.catalog.PartitionField;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A transform in {@code PARTITIONED BY}: {@code day(sold)}, {@code bucket(16, id)},
 * {@code truncate(10, name)}. The arguments are a column and, for bucket and
 * truncate, a number, in either order (Spark and Trino write them differently).
 */
public final class SqlPartitionTransform extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("PARTITION TRANSFORM", SqlKind.OTHER);

  private final SqlIdentifier transform;
  private final SqlNodeList arguments;

  public SqlPartitionTransform(SqlParserPos pos, SqlIdentifier transform, SqlNodeList arguments) {
    super(pos);
    this.transform = requireNonNull(transform, "transform");
    this.arguments = requireNonNull(arguments, "arguments");
  }

  /** The partition field this describes; arguments that are not one column and at most one number are an error. */
  public PartitionField field() {
    List<SqlIdentifier> columns = arguments.stream().filter(SqlIdentifier.class::isInstance)
        .map(SqlIdentifier.class::cast).toList();
    List<SqlNumericLiteral> numbers = arguments.stream().filter(SqlNumericLiteral.class::isInstance)
        .map(SqlNumericLiteral.class::cast).toList();
    if (columns.size() != 1 || numbers.size() > 1) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "PARTITIONED BY " + written() + ": a transform takes one"
          + " column, and bucket and truncate a number too, as in bucket(16, id)");
    }
    return new PartitionField(transform.getSimple(), columns.get(0).getSimple(),
        numbers.isEmpty() ? OptionalInt.empty() : OptionalInt.of(number(numbers.get(0))));
  }

  /** As written, for messages. */
  private String written() {
    return transform.getSimple() + "(" + arguments.stream()
        .map(a -> a instanceof SqlIdentifier id ? id.getSimple() : ((SqlNumericLiteral) a).toValue())
        .collect(java.util.stream.Collectors.joining(", ")) + ")";
  }

  private int number(SqlNumericLiteral literal) {
    if (!literal.isExact() || literal.getScale() == null || literal.getScale() != 0) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "PARTITIONED BY " + written() + ": " + literal.toValue()
          + " is not a whole number");
    }
    try {
      return literal.intValue(true);
    } catch (ArithmeticException e) {
      throw new FaiscaException(ErrorCode.INVALID_QUERY, "PARTITIONED BY " + written() + ": " + literal.toValue()
          + " is too large", e);
    }
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(transform, arguments);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(transform.getSimple().toUpperCase(Locale.ROOT));
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FUN_CALL, "(", ")");
    for (SqlNode argument : arguments) {
      writer.sep(",");
      argument.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
