package io.faisca.runtime.lower;

import io.faisca.planner.FaiscaTypeFactory;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;

/** A type factory for turning catalog columns into SQL types outside of planning. */
final class SparkTypeFactory {
  static final SqlTypeFactoryImpl INSTANCE = new FaiscaTypeFactory();

  private SparkTypeFactory() {
  }
}
