package io.faisca.parser;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.parser.impl.FaiscaSqlParserImpl;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Parses one statement of Faísca's dialect.
 *
 * <p>Identifiers keep the case they were written in (so result labels read as
 * typed) and resolve case-insensitively; double quotes delimit identifiers.
 */
public final class FaiscaParser {
  public static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(FaiscaSqlParserImpl.FACTORY)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(false)
      .withConformance(FaiscaConformance.INSTANCE);

  private FaiscaParser() {
  }

  /** Parses a single statement within the default limits; trailing semicolons and comments are allowed. */
  public static SqlNode parse(String sql) {
    return parse(sql, SqlLimits.DEFAULT);
  }

  /** Parses a single statement no larger than the limits allow. */
  public static SqlNode parse(String sql, SqlLimits limits) {
    if (sql != null) {
      limits.check(sql);
    }
    String statement = sql == null ? "" : withoutTrailingSemicolon(sql);
    if (statement.isBlank()) {
      throw new FaiscaException(ErrorCode.SYNTAX_ERROR, "Empty SQL statement");
    }
    SqlNodeList statements;
    try {
      statements = SqlParser.create(statement, CONFIG).parseStmtList();
    } catch (SqlParseException e) {
      throw overflowed(e) ? tooComplex() : syntaxError(e);
    } catch (StackOverflowError e) {
      throw tooComplex();
    }
    if (statements.isEmpty()) {
      throw new FaiscaException(ErrorCode.SYNTAX_ERROR, "Empty SQL statement");
    }
    if (statements.size() > 1) {
      SqlParserPos pos = statements.get(1).getParserPosition();
      throw new FaiscaException(ErrorCode.SYNTAX_ERROR, "Syntax error at line " + pos.getLineNum()
          + ", column " + pos.getColumnNum() + ": only one statement can run at a time");
    }
    return statements.get(0);
  }

  /** Strips the end only: leading lines and indentation count in error positions. */
  private static String withoutTrailingSemicolon(String sql) {
    String trimmed = sql.stripTrailing();
    while (trimmed.endsWith(";")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1).stripTrailing();
    }
    return trimmed;
  }

  /** Calcite's parser reports running out of stack as a parse error; it is not one. */
  private static boolean overflowed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StackOverflowError) {
        return true;
      }
    }
    return false;
  }

  private static FaiscaException tooComplex() {
    return new FaiscaException(ErrorCode.QUERY_TOO_COMPLEX, "The statement is nested too deeply to parse");
  }

  private static FaiscaException syntaxError(SqlParseException e) {
    SqlParserPos pos = e.getPos();
    String where = pos == null
        ? "Syntax error"
        : "Syntax error at line " + pos.getLineNum() + ", column " + pos.getColumnNum();
    return new FaiscaException(ErrorCode.SYNTAX_ERROR, where + ": " + shortReason(e), e);
  }

  /** Calcite lists every token it could accept; past a handful that list hides the point. */
  private static String shortReason(SqlParseException e) {
    String message = e.getMessage() == null ? "unexpected input" : e.getMessage();
    int expecting = message.indexOf("Was expecting");
    String head = expecting < 0 ? message : message.substring(0, expecting);
    head = head.replaceAll("\\s+at line \\d+, column \\d+", "").strip();
    if (head.endsWith(".")) {
      head = head.substring(0, head.length() - 1);
    }
    int alternatives = e.getExpectedTokenSequences() == null ? 0 : e.getExpectedTokenSequences().length;
    if (expecting >= 0 && alternatives > 0 && alternatives <= 6) {
      head += ". " + message.substring(expecting).replaceAll("\\s+", " ").strip();
    }
    return head;
  }
}
