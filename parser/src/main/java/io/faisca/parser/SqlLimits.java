package io.faisca.parser;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;

/**
 * How large a statement may be: its length in characters, and how deeply its
 * parentheses nest. Checked before parsing, so a hostile statement costs a
 * scan of its text and no more; the parser's recursion stays within the stack.
 *
 * @param maxLength the most characters a statement may have
 * @param maxNesting the deepest nesting of parentheses allowed
 */
public record SqlLimits(int maxLength, int maxNesting) {
  public static final SqlLimits DEFAULT = new SqlLimits(1_000_000, 200);

  public void check(String sql) {
    if (sql.length() > maxLength) {
      throw new FaiscaException(ErrorCode.STATEMENT_TOO_LONG, "The statement has " + sql.length()
          + " characters; the limit is " + maxLength);
    }
    int depth = nesting(sql);
    if (depth > maxNesting) {
      throw new FaiscaException(ErrorCode.QUERY_TOO_COMPLEX, "The statement nests parentheses " + depth
          + " deep; the limit is " + maxNesting);
    }
  }

  /** The deepest nesting of parentheses outside string literals, quoted identifiers and comments. */
  static int nesting(String sql) {
    int depth = 0;
    int deepest = 0;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipQuoted(sql, i, c);
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        if (c == '(') {
          deepest = Math.max(deepest, ++depth);
        } else if (c == ')') {
          depth--;
        }
        i++;
      }
    }
    return deepest;
  }

  /** The index just past a quoted run; a doubled quote stands for itself. */
  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }
}
