package io.faisca.parser.ddl;

import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code INSERT OVERWRITE [TABLE] t [(columns)] query}: the query's rows replace
 * the table's (an unpartitioned table), or those of the partitions they fall
 * in (a partitioned one). An INSERT to the validator, whose rules for fitting
 * the rows to the table are the same.
 */
public final class SqlInsertOverwrite extends SqlInsert {
  public SqlInsertOverwrite(SqlParserPos pos, SqlNode targetTable, SqlNode source, @Nullable SqlNodeList columnList) {
    super(pos, SqlNodeList.EMPTY, targetTable, source, columnList);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT);
    writer.sep("INSERT OVERWRITE");
    int opLeft = getOperator().getLeftPrec();
    int opRight = getOperator().getRightPrec();
    getTargetTable().unparse(writer, opLeft, opRight);
    if (getTargetColumnList() != null) {
      getTargetColumnList().unparse(writer, opLeft, opRight);
    }
    writer.newlineAndIndent();
    getSource().unparse(writer, 0, 0);
    writer.endList(frame);
  }
}
