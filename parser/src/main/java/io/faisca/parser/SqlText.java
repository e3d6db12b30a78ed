package io.faisca.parser;

import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;

/** Text of a statement between two positions, as the user wrote it (comments and layout kept). */
public final class SqlText {
  private SqlText() {
  }

  /** The part of {@code sql} from the start of {@code pos} to its end, both included. */
  public static String of(String sql, SqlParserPos pos) {
    int start = SqlParserUtil.lineColToIndex(sql, pos.getLineNum(), pos.getColumnNum());
    int end = SqlParserUtil.lineColToIndex(sql, pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
    return sql.substring(start, end);
  }
}
