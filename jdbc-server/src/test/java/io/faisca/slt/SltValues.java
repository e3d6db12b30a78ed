package io.faisca.slt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Query results written as sqllogictest writes them: a value per line, integers ({@code I}) without
 * a fraction, reals ({@code R}) with three decimals, text ({@code T}) as it is, {@code NULL},
 * {@code (empty)} for an empty string, and unprintable characters as {@code @}.
 */
final class SltValues {
  private SltValues() {
  }

  /** The values of every row, formatted by the query's column types, sorted as the record asks. */
  static List<String> read(ResultSet rows, String types, SltRecord.SortMode sort) throws SQLException {
    int columns = rows.getMetaData().getColumnCount();
    if (columns != types.length()) {
      throw new SQLException("The query returns " + columns + " columns, the record expects " + types.length());
    }
    List<List<String>> table = new ArrayList<>();
    while (rows.next()) {
      List<String> row = new ArrayList<>(columns);
      for (int i = 1; i <= columns; i++) {
        row.add(format(rows.getObject(i), types.charAt(i - 1)));
      }
      table.add(row);
    }
    if (sort == SltRecord.SortMode.ROWSORT) {
      table.sort(SltValues::compareRows);
    }
    List<String> values = new ArrayList<>();
    table.forEach(values::addAll);
    if (sort == SltRecord.SortMode.VALUESORT) {
      values.sort(Comparator.naturalOrder());
    }
    return values;
  }

  static String format(Object value, char type) {
    if (value == null) {
      return "NULL";
    }
    String text = switch (type) {
      case 'I' -> integer(value);
      case 'R' -> real(value);
      default -> value instanceof Boolean b ? (b ? "1" : "0") : value.toString();
    };
    if (text.isEmpty()) {
      return "(empty)";
    }
    StringBuilder printable = new StringBuilder(text.length());
    text.chars().forEach(c -> printable.append(c < ' ' || c > '~' ? '@' : (char) c));
    return printable.toString();
  }

  /** SQLite's conversion of a value to an integer: a real loses its fraction, text reads its leading number. */
  private static String integer(Object value) {
    if (value instanceof Number number) {
      return number instanceof BigDecimal decimal ? decimal.setScale(0, RoundingMode.DOWN).toPlainString()
          : Long.toString(number instanceof Double || number instanceof Float ? (long) number.doubleValue()
              : number.longValue());
    }
    if (value instanceof Boolean b) {
      return b ? "1" : "0";
    }
    try {
      return new BigDecimal(value.toString().trim()).setScale(0, RoundingMode.DOWN).toPlainString();
    } catch (NumberFormatException e) {
      return "0";
    }
  }

  private static String real(Object value) {
    double number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
    return String.format(Locale.ROOT, "%.3f", number);
  }

  /** As sqllogictest hashes results: the MD5 of every value followed by a newline. */
  static String md5(List<String> values) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      for (String value : values) {
        md5.update((value + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md5.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int compareRows(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
