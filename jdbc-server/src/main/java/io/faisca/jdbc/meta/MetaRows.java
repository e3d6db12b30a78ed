package io.faisca.jdbc.meta;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;

/**
 * Result sets of DatabaseMetaData calls. Each row is one of Avatica's
 * {@code MetaImpl.Meta*} records, whose public fields are, in order, the
 * columns the JDBC specification lists for that call.
 */
final class MetaRows {
  private MetaRows() {
  }

  static <T> Meta.Signature signature(Class<T> recordClass) {
    List<ColumnMetaData> columns = new ArrayList<>();
    for (Field field : fields(recordClass)) {
      int jdbcType = jdbcType(field.getType());
      boolean primitive = field.getType().isPrimitive();
      columns.add(MetaImpl.columnMetaData(AvaticaUtils.camelToUpper(field.getName()), columns.size(),
          ColumnMetaData.scalar(jdbcType, typeName(jdbcType), Signatures.rep(jdbcType)),
          primitive ? DatabaseMetaData.columnNoNulls : DatabaseMetaData.columnNullable));
    }
    return new Meta.Signature(columns, "", List.of(), null, Meta.CursorFactory.ARRAY, Meta.StatementType.SELECT);
  }

  static <T> List<Object> rows(Class<T> recordClass, List<T> records) {
    List<Field> fields = fields(recordClass);
    List<Object> rows = new ArrayList<>();
    for (T record : records) {
      Object[] row = new Object[fields.size()];
      for (int i = 0; i < row.length; i++) {
        try {
          row[i] = fields.get(i).get(record);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Field> fields(Class<?> recordClass) {
    List<Field> fields = new ArrayList<>();
    for (Field field : recordClass.getFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        fields.add(field);
      }
    }
    return fields;
  }

  private static int jdbcType(Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return Types.INTEGER;
    }
    if (type == short.class || type == Short.class) {
      return Types.SMALLINT;
    }
    if (type == long.class || type == Long.class) {
      return Types.BIGINT;
    }
    if (type == boolean.class || type == Boolean.class) {
      return Types.BOOLEAN;
    }
    return Types.VARCHAR;
  }

  private static String typeName(int jdbcType) {
    switch (jdbcType) {
      case Types.INTEGER:
        return "INTEGER";
      case Types.SMALLINT:
        return "SMALLINT";
      case Types.BIGINT:
        return "BIGINT";
      case Types.BOOLEAN:
        return "BOOLEAN";
      default:
        return "VARCHAR";
    }
  }
}
