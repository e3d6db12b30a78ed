package io.faisca.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.error.FaiscaException;
import io.faisca.parser.ddl.SqlAlterTable;
import io.faisca.parser.ddl.SqlCreateView;
import io.faisca.parser.ddl.SqlDropSchema;
import io.faisca.parser.ddl.SqlShowCreateTable;
import io.faisca.parser.ddl.SqlShowSchemas;
import io.faisca.parser.ddl.SqlShowTables;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.ddl.SqlCreateSchema;
import org.apache.calcite.sql.ddl.SqlDropView;
import org.junit.jupiter.api.Test;

/** The statements over the catalog: schemas, views, ALTER TABLE, SHOW and DESCRIBE. */
class CatalogStatementTest {
  private static <T extends SqlNode> T parse(String sql, Class<T> type) {
    SqlNode node = FaiscaParser.parse(sql);
    assertThat(node).as(sql).isInstanceOf(type);
    return type.cast(node);
  }

  @Test void schemas() {
    SqlCreateSchema create = parse("CREATE SCHEMA IF NOT EXISTS sales", SqlCreateSchema.class);
    assertThat(create.ifNotExists).isTrue();
    assertThat(create.name.getSimple()).isEqualTo("sales");
    SqlDropSchema restrict = parse("DROP SCHEMA sales", SqlDropSchema.class);
    assertThat(restrict.cascade).isFalse();
    assertThat(restrict.ifExists).isFalse();
    assertThat(parse("DROP SCHEMA sales RESTRICT", SqlDropSchema.class).cascade).isFalse();
    SqlDropSchema cascade = parse("DROP SCHEMA IF EXISTS \"Sales\" CASCADE", SqlDropSchema.class);
    assertThat(cascade.cascade).isTrue();
    assertThat(cascade.ifExists).isTrue();
    assertThat(cascade.name.getSimple()).isEqualTo("Sales");
    // DEFAULT is a reserved word, and the default schema's name.
    assertThat(parse("DROP SCHEMA default", SqlDropSchema.class).name.getSimple()).isEqualTo("default");
  }

  @Test void views() {
    SqlCreateView view = parse("CREATE OR REPLACE VIEW s.v (a, b) AS SELECT x, y FROM t", SqlCreateView.class);
    assertThat(view.getReplace()).isTrue();
    assertThat(view.name.names).containsExactly("s", "v");
    assertThat(view.columnList).hasSize(2);
    assertThat(view.query).isInstanceOf(SqlSelect.class);
    assertThat(parse("CREATE VIEW v AS VALUES 1", SqlCreateView.class).columnList).isNull();
    assertThat(parse("DROP VIEW IF EXISTS v", SqlDropView.class).ifExists).isTrue();
  }

  @Test void show() {
    parse("SHOW SCHEMAS", SqlShowSchemas.class);
    assertThat(parse("SHOW TABLES", SqlShowTables.class).schema()).isEmpty();
    assertThat(parse("SHOW TABLES FROM s", SqlShowTables.class).schema()).map(SqlIdentifier::getSimple).hasValue("s");
    assertThat(parse("show tables in default", SqlShowTables.class).schema()).map(SqlIdentifier::getSimple)
        .hasValue("default");
    assertThat(parse("SHOW CREATE TABLE s.t", SqlShowCreateTable.class).name.names).containsExactly("s", "t");
    assertThat(parse("SHOW CREATE VIEW v", SqlShowCreateTable.class).name.names).containsExactly("v");
    SqlDescribeTable describe = parse("DESCRIBE s.t", SqlDescribeTable.class);
    assertThat(describe.getTable().names).containsExactly("s", "t");
  }

  @Test void alterTable() {
    SqlAlterTable add = parse("ALTER TABLE t ADD COLUMN c DECIMAL(10, 2) NOT NULL", SqlAlterTable.class);
    assertThat(add.change).isInstanceOfSatisfying(SqlAlterTable.AddColumn.class, change -> {
      assertThat(change.column().name.getSimple()).isEqualTo("c");
      assertThat(change.column().strategy).isEqualTo(ColumnStrategy.NOT_NULLABLE);
    });
    assertThat(parse("ALTER TABLE t ADD c INT", SqlAlterTable.class).change)
        .isInstanceOf(SqlAlterTable.AddColumn.class);
    SqlAlterTable drop = parse("ALTER TABLE s.t DROP COLUMN c", SqlAlterTable.class);
    assertThat(drop.name.names).containsExactly("s", "t");
    assertThat(drop.change).isInstanceOfSatisfying(SqlAlterTable.DropColumn.class,
        change -> assertThat(change.column().getSimple()).isEqualTo("c"));
    assertThat(parse("ALTER TABLE t RENAME COLUMN a TO b", SqlAlterTable.class).change)
        .isInstanceOfSatisfying(SqlAlterTable.RenameColumn.class, change -> {
          assertThat(change.column().getSimple()).isEqualTo("a");
          assertThat(change.newName().getSimple()).isEqualTo("b");
        });
    assertThat(parse("ALTER TABLE t RENAME TO s.u", SqlAlterTable.class).change)
        .isInstanceOfSatisfying(SqlAlterTable.RenameTable.class,
            change -> assertThat(change.newName().names).containsExactly("s", "u"));
    assertThat(parse("ALTER TABLE t ALTER COLUMN c TYPE BIGINT", SqlAlterTable.class).change)
        .isInstanceOf(SqlAlterTable.AlterColumnType.class);
    assertThat(parse("ALTER TABLE t ALTER c SET DATA TYPE DOUBLE", SqlAlterTable.class).change)
        .isInstanceOf(SqlAlterTable.AlterColumnType.class);
  }

  @Test void settingsStillParseAsCalcitesAlter() {
    assertThat(FaiscaParser.parse("ALTER SESSION SET x = 1")).isNotInstanceOf(SqlAlterTable.class);
  }

  @Test void incompleteStatementsAreSyntaxErrors() {
    assertThatThrownBy(() -> FaiscaParser.parse("ALTER TABLE t RENAME c TO d"))
        .isInstanceOf(FaiscaException.class).hasMessageStartingWith("Syntax error at line 1, column 22");
    assertThatThrownBy(() -> FaiscaParser.parse("SHOW VIEWS")).isInstanceOf(FaiscaException.class);
    assertThatThrownBy(() -> FaiscaParser.parse("DROP SCHEMA s CASCADE RESTRICT")).isInstanceOf(FaiscaException.class);
  }
}
