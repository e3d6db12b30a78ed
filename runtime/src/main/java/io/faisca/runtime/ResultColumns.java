package io.faisca.runtime;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** The columns of a result made on the driver, such as a catalog query's. */
final class ResultColumns {
  private final RelDataTypeFactory.Builder builder = Command.TYPES.builder();

  ResultColumns required(String name, SqlTypeName type) {
    return add(name, type, false);
  }

  ResultColumns nullable(String name, SqlTypeName type) {
    return add(name, type, true);
  }

  RelDataType build() {
    return builder.build();
  }

  private ResultColumns add(String name, SqlTypeName type, boolean nullable) {
    builder.add(name, Command.TYPES.createTypeWithNullability(Command.TYPES.createSqlType(type), nullable));
    return this;
  }
}
