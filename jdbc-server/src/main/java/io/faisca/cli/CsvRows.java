package io.faisca.cli;

import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** A result set as CSV (RFC 4180): a header of column labels, then one line per row; NULL is empty. */
final class CsvRows {
  private CsvRows() {
  }

  /** Writes every row; returns how many. */
  static long write(ResultSet rows, Writer out) throws SQLException, IOException {
    ResultSetMetaData columns = rows.getMetaData();
    int count = columns.getColumnCount();
    for (int i = 1; i <= count; i++) {
      field(out, i, columns.getColumnLabel(i));
    }
    out.write("\n");
    long written = 0;
    while (rows.next()) {
      for (int i = 1; i <= count; i++) {
        field(out, i, rows.getString(i));
      }
      out.write("\n");
      written++;
    }
    return written;
  }

  private static void field(Writer out, int column, String value) throws IOException {
    if (column > 1) {
      out.write(',');
    }
    if (value == null) {
      return;
    }
    boolean quote = value.isEmpty() || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    out.write(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
  }
}
