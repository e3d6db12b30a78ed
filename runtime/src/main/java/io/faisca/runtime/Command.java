package io.faisca.runtime;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;

/** A statement that changes something and returns no rows: a setting, or DDL. */
public non-sealed interface Command extends Prepared {
  SqlTypeFactoryImpl TYPES = new SqlTypeFactoryImpl(io.faisca.planner.FaiscaTypeSystem.INSTANCE);

  /** Carries the command out; returns the number of rows it changed (0 for settings and DDL). */
  long execute();

  @Override default RelDataType rowType() {
    return TYPES.builder().build();
  }

  @Override default RelDataType parameterRowType() {
    return TYPES.builder().build();
  }
}
