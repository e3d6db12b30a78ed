package io.faisca.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL script cut into statements at each {@code ;} that is not inside a string, a quoted identifier or
 * a comment. Each statement keeps the line it starts on, for messages.
 */
record SqlScript(List<Statement> statements) {
  /** One statement's text (without the {@code ;}) and the line, counted from 1, its first token is on. */
  record Statement(int line, String sql) {
  }

  static SqlScript parse(String text) {
    List<Statement> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int line = 1;
    int startLine = -1;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ';') {
        add(statements, startLine, current);
        startLine = -1;
        i++;
        continue;
      }
      boolean comment = text.startsWith("--", i) || text.startsWith("/*", i);
      int end;
      if (c == '\'' || c == '"') {
        end = closingQuote(text, i, c);
      } else if (text.startsWith("--", i)) {
        end = indexOrEnd(text, "\n", i);
      } else if (text.startsWith("/*", i)) {
        end = Math.min(text.length(), indexOrEnd(text, "*/", i + 2) + 2);
      } else {
        end = i + 1;
      }
      if (startLine < 0 && !Character.isWhitespace(c) && !comment) {
        startLine = line;
      }
      String piece = text.substring(i, end);
      if (startLine >= 0) {
        current.append(piece);
      }
      line += (int) piece.chars().filter(ch -> ch == '\n').count();
      i = end;
    }
    add(statements, startLine, current);
    return new SqlScript(List.copyOf(statements));
  }

  private static void add(List<Statement> statements, int startLine, StringBuilder current) {
    String sql = current.toString().strip();
    if (!sql.isEmpty()) {
      statements.add(new Statement(startLine, sql));
    }
    current.setLength(0);
  }

  /** Just past the quote that closes the one at {@code start} (a doubled quote stays inside). */
  private static int closingQuote(String text, int start, char quote) {
    int i = start + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return text.length();
  }

  private static int indexOrEnd(String text, String token, int from) {
    int at = text.indexOf(token, from);
    return at < 0 ? text.length() : at;
  }
}
