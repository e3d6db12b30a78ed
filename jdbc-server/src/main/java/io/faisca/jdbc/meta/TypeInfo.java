package io.faisca.jdbc.meta;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.List;
import org.apache.calcite.avatica.MetaImpl.MetaTypeInfo;

/** The SQL types Faísca stores and computes, as {@code getTypeInfo} lists them. */
final class TypeInfo {
  private TypeInfo() {
  }

  /** Ordered by DATA_TYPE, as JDBC specifies (tools may search the list by it). */
  static List<MetaTypeInfo> rows() {
    return List.of(
        type("TINYINT", Types.TINYINT, 3, null, false, 10),
        type("BIGINT", Types.BIGINT, 19, null, false, 10),
        type("VARBINARY", Types.VARBINARY, Integer.MAX_VALUE, "X'", false, 0),
        type("CHAR", Types.CHAR, 65536, "'", true, 0),
        decimal(),
        type("INTEGER", Types.INTEGER, 10, null, false, 10),
        type("SMALLINT", Types.SMALLINT, 5, null, false, 10),
        type("REAL", Types.REAL, 7, null, false, 10),
        type("DOUBLE", Types.DOUBLE, 15, null, false, 10),
        type("VARCHAR", Types.VARCHAR, Integer.MAX_VALUE, "'", true, 0),
        type("BOOLEAN", Types.BOOLEAN, 1, null, false, 0),
        type("DATE", Types.DATE, 10, "DATE '", false, 0),
        type("TIMESTAMP", Types.TIMESTAMP, 26, "TIMESTAMP '", false, 0));
  }

  private static MetaTypeInfo type(String name, int jdbcType, int precision, String prefix,
      boolean caseSensitive, int radix) {
    String suffix = prefix == null ? null : "'";
    return new MetaTypeInfo(name, jdbcType, precision, prefix, suffix,
        (short) DatabaseMetaData.typeNullable, caseSensitive, (short) DatabaseMetaData.typeSearchable,
        false, false, false, (short) 0, (short) 0, radix);
  }

  private static MetaTypeInfo decimal() {
    return new MetaTypeInfo("DECIMAL", Types.DECIMAL, 38, null, null,
        (short) DatabaseMetaData.typeNullable, false, (short) DatabaseMetaData.typeSearchable,
        false, true, false, (short) 0, (short) 38, 10);
  }
}
