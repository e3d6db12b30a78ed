package io.faisca.runtime.lower;

import io.faisca.planner.FaiscaTypeSystem;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;

/** A type factory for turning catalog columns into SQL types outside of planning. */
final class SparkTypeFactory {
  static final SqlTypeFactoryImpl INSTANCE = new SqlTypeFactoryImpl(FaiscaTypeSystem.INSTANCE);

  private SparkTypeFactory() {
  }
}
