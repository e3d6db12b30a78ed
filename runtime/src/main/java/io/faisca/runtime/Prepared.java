package io.faisca.runtime;

import org.apache.calcite.rel.type.RelDataType;

/**
 * A statement prepared by a session: a query to run, a command (a setting, DDL) to carry out, or a
 * question about the catalog (SHOW, DESCRIBE) to answer.
 */
public sealed interface Prepared permits PreparedQuery, Command, CatalogQuery {
  String sqlText();

  /** The columns of the statement's result; none for a setting change. */
  RelDataType rowType();

  RelDataType parameterRowType();
}
