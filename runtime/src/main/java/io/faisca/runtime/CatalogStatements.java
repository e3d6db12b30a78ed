package io.faisca.runtime;

import io.faisca.catalog.Warehouse;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.parser.ddl.SqlAlterTable;
import io.faisca.parser.ddl.SqlCreateIndex;
import io.faisca.parser.ddl.SqlCreateView;
import io.faisca.parser.ddl.SqlDropIndex;
import io.faisca.parser.ddl.SqlDropSchema;
import io.faisca.parser.ddl.SqlShowCreateTable;
import io.faisca.parser.ddl.SqlShowSchemas;
import io.faisca.parser.ddl.SqlShowTables;
import io.faisca.planner.FaiscaPlanner;
import java.util.Optional;
import org.apache.calcite.sql.SqlDescribeSchema;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlCreateSchema;
import org.apache.calcite.sql.ddl.SqlDropView;

/**
 * Statements about the catalog rather than table rows: schemas, views,
 * {@code ALTER TABLE}, and the {@code SHOW} and {@code DESCRIBE} questions.
 * Each is prepared by the class that knows it.
 */
final class CatalogStatements {
  private CatalogStatements() {
  }

  /** The statement prepared, or empty if it is not one of these. */
  static Optional<Prepared> prepare(String sql, SqlNode parsed, FaiscaPlanner planner) {
    Warehouse warehouse = planner.warehouse();
    if (parsed instanceof SqlCreateSchema create) {
      return Optional.of(SchemaCommands.create(sql, create, warehouse));
    }
    if (parsed instanceof SqlDropSchema drop) {
      return Optional.of(SchemaCommands.drop(sql, drop, warehouse));
    }
    if (parsed instanceof SqlCreateView create) {
      return Optional.of(ViewCommands.create(sql, create, planner));
    }
    if (parsed instanceof SqlDropView drop) {
      return Optional.of(ViewCommands.drop(sql, drop, warehouse));
    }
    if (parsed instanceof SqlCreateIndex create) {
      return Optional.of(IndexCommands.create(sql, create, warehouse));
    }
    if (parsed instanceof SqlDropIndex drop) {
      return Optional.of(IndexCommands.drop(sql, drop, warehouse));
    }
    if (parsed instanceof SqlAlterTable alter) {
      return Optional.of(AlterTableCommands.alter(sql, alter, planner));
    }
    if (parsed instanceof SqlShowSchemas) {
      return Optional.of(CatalogListings.schemas(sql, warehouse));
    }
    if (parsed instanceof SqlShowTables show) {
      return Optional.of(CatalogListings.tables(sql, show, warehouse));
    }
    if (parsed instanceof SqlShowCreateTable show) {
      return Optional.of(CreateStatements.show(sql, show, warehouse));
    }
    if (parsed instanceof SqlDescribeTable describe) {
      return Optional.of(TableDescriptions.describe(sql, describe, warehouse));
    }
    if (parsed instanceof SqlDescribeSchema describe) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "DESCRIBE SCHEMA is not supported; SHOW TABLES FROM "
          + describe.getSchema() + " lists its tables and views");
    }
    return Optional.empty();
  }
}
