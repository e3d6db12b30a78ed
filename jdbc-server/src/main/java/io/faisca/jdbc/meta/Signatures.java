package io.faisca.jdbc.meta;

import io.faisca.runtime.Prepared;
import io.faisca.runtime.Command;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * JDBC descriptions of SQL types: result columns, parameters and their
 * representation on the wire. Dates travel as days since the epoch,
 * timestamps as milliseconds, decimals as BigDecimal, as Avatica expects.
 */
final class Signatures {
  private Signatures() {
  }

  static Meta.Signature of(Prepared prepared) {
    Meta.StatementType type = prepared instanceof Command ? Meta.StatementType.OTHER_DDL : Meta.StatementType.SELECT;
    return new Meta.Signature(columns(prepared.rowType()), prepared.sqlText(), parameters(prepared.parameterRowType()),
        null, Meta.CursorFactory.ARRAY, type);
  }

  static List<ColumnMetaData> columns(RelDataType rowType) {
    List<ColumnMetaData> columns = new ArrayList<>();
    for (RelDataTypeField field : rowType.getFieldList()) {
      RelDataType type = field.getType();
      int jdbcType = jdbcType(type);
      columns.add(new ColumnMetaData(field.getIndex(), false, isCaseSensitive(type), true, false,
          type.isNullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
          isSigned(type), displaySize(type), field.getName(), field.getName(), null,
          precision(type), scale(type), null, null,
          ColumnMetaData.scalar(jdbcType, typeName(type), rep(jdbcType)),
          true, false, false, SqlType.valueOf(jdbcType).clazz.getName()));
    }
    return columns;
  }

  static List<AvaticaParameter> parameters(RelDataType parameterType) {
    List<AvaticaParameter> parameters = new ArrayList<>();
    for (RelDataTypeField field : parameterType.getFieldList()) {
      RelDataType type = field.getType();
      int jdbcType = jdbcType(type);
      parameters.add(new AvaticaParameter(isSigned(type), precision(type), scale(type), jdbcType,
          typeName(type), SqlType.valueOf(jdbcType).clazz.getName(), field.getName()));
    }
    return parameters;
  }

  /** The JDBC type code; instants travel as TIMESTAMP, intervals as OTHER. */
  static int jdbcType(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    if (name == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      return Types.TIMESTAMP;
    }
    if (name == SqlTypeName.FLOAT) {
      return Types.DOUBLE;
    }
    return name.getJdbcOrdinal();
  }

  static String typeName(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return name == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE ? "TIMESTAMP WITH LOCAL TIME ZONE" : name.getName();
  }

  static ColumnMetaData.Rep rep(int jdbcType) {
    SqlType sqlType = SqlType.valueOf(jdbcType);
    return ColumnMetaData.Rep.of(sqlType.internal);
  }

  static int precision(RelDataType type) {
    int precision = type.getPrecision();
    if (precision == RelDataType.PRECISION_NOT_SPECIFIED) {
      return type.getSqlTypeName() == SqlTypeName.VARCHAR ? Integer.MAX_VALUE : 0;
    }
    return precision;
  }

  static int scale(RelDataType type) {
    int scale = type.getScale();
    return scale == RelDataType.SCALE_NOT_SPECIFIED ? 0 : scale;
  }

  static int displaySize(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case BOOLEAN:
        return 5;
      case TINYINT:
        return 4;
      case SMALLINT:
        return 6;
      case INTEGER:
        return 11;
      case BIGINT:
        return 20;
      case REAL:
        return 14;
      case FLOAT:
      case DOUBLE:
        return 24;
      case DECIMAL:
        return type.getPrecision() + 2;
      case DATE:
        return 10;
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return 26;
      default:
        int precision = type.getPrecision();
        return precision > 0 ? precision : 65535;
    }
  }

  private static boolean isSigned(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case DECIMAL:
      case REAL:
      case FLOAT:
      case DOUBLE:
        return true;
      default:
        return false;
    }
  }

  private static boolean isCaseSensitive(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.CHAR || type.getSqlTypeName() == SqlTypeName.VARCHAR;
  }
}
