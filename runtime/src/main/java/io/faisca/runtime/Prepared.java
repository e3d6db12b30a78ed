package io.faisca.runtime;

import org.apache.calcite.rel.type.RelDataType;

/** A statement prepared by a session: a query to run, or a change to the session's settings. */
public sealed interface Prepared permits PreparedQuery, SettingChange {
  String sqlText();

  /** The columns of the statement's result; none for a setting change. */
  RelDataType rowType();

  RelDataType parameterRowType();
}
