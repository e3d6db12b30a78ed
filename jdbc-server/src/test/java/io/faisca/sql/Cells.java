package io.faisca.sql;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Values as script files spell them, and the canonical form rows are compared
 * in: decimals at the scale of the column, floating point to ten significant
 * digits, so an oracle's DOUBLE matches a DECIMAL computed exactly.
 */
final class Cells {
  static final String NULL = "NULL";
  static final String EMPTY = "(empty)";

  private Cells() {
  }

  /** Reads every row of a result in script spelling. */
  static List<List<String>> read(ResultSet rs) throws SQLException {
    int columns = rs.getMetaData().getColumnCount();
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= columns; i++) {
        row.add(spell(rs.getObject(i)));
      }
      rows.add(row);
    }
    return rows;
  }

  static String spell(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof String s) {
      return s.isEmpty() ? EMPTY : s.replace("\t", "\\t").replace("\n", "\\n");
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString()
          : Double.toString(d);
    }
    if (value instanceof Timestamp t) {
      return timestamp(t.toLocalDateTime());
    }
    if (value instanceof LocalDateTime t) {
      return timestamp(t);
    }
    return value.toString();
  }

  private static String timestamp(LocalDateTime t) {
    String text = t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"));
    return text.endsWith(".000000") ? text.substring(0, text.length() - 7) : text.replaceAll("0+$", "");
  }

  /** The type of column {@code i} as scripts spell it: DECIMAL(p,s), CHAR(n), else the type name. */
  static String type(ResultSetMetaData md, int i) throws SQLException {
    String name = md.getColumnTypeName(i);
    if (md.getColumnType(i) == Types.DECIMAL) {
      return "DECIMAL(" + md.getPrecision(i) + "," + md.getScale(i) + ")";
    }
    if (md.getColumnType(i) == Types.CHAR) {
      return "CHAR(" + md.getPrecision(i) + ")";
    }
    return name;
  }

  /** The form a cell is compared in, given the JDBC type and scale of its column. */
  static String canonical(String cell, int jdbcType, int scale) {
    if (cell.equals(NULL)) {
      return cell;
    }
    try {
      switch (jdbcType) {
        case Types.DECIMAL:
        case Types.NUMERIC:
          return new BigDecimal(cell).setScale(scale, RoundingMode.HALF_UP).toPlainString();
        case Types.DOUBLE:
        case Types.FLOAT:
        case Types.REAL:
          return new BigDecimal(cell).round(new MathContext(10, RoundingMode.HALF_UP)).stripTrailingZeros()
              .toPlainString();
        case Types.TINYINT:
        case Types.SMALLINT:
        case Types.INTEGER:
        case Types.BIGINT:
          return new BigDecimal(cell).toBigIntegerExact().toString();
        default:
          return cell;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      return cell;
    }
  }
}
