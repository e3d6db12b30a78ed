package io.faisca.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.catalog.PartitionField;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.parser.ddl.SqlCreateManagedTable;
import io.faisca.parser.ddl.SqlInsertOverwrite;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.junit.jupiter.api.Test;

/** CREATE TABLE with PARTITIONED BY, STORED AS, LOCATION and WITH, and INSERT OVERWRITE, parsed and written back. */
class ManagedTableStatementTest {
  @Test void createTableCarriesItsPartitioningFormatAndProperties() {
    SqlCreateManagedTable create = (SqlCreateManagedTable) FaiscaParser.parse("CREATE TABLE IF NOT EXISTS t"
        + " (id BIGINT, region VARCHAR, ts TIMESTAMP, name VARCHAR)"
        + " PARTITIONED BY (region, year(ts), Day(ts), hour(ts), month(ts), bucket(16, id), truncate(10, name),"
        + " truncate(name, 4), days(ts))"
        + " STORED AS avro WITH ('write.avro.compression-codec' = 'zstd', owner = 'sales')");

    assertThat(create.ifNotExists).isTrue();
    assertThat(create.columnList).hasSize(4);
    assertThat(create.query).isNull();
    assertThat(create.partitioning()).containsExactly(PartitionField.identity("region"),
        field("year", "ts", null), field("Day", "ts", null), field("hour", "ts", null), field("month", "ts", null),
        field("bucket", "id", 16), field("truncate", "name", 10), field("truncate", "name", 4),
        field("days", "ts", null));
    assertThat(create.storedAs()).hasValue("avro");
    assertThat(create.properties()).containsExactly(
        java.util.Map.entry("write.avro.compression-codec", "zstd"), java.util.Map.entry("owner", "sales"));
  }

  @Test void createTableAsTakesTheClausesBeforeItsQuery() {
    SqlCreateManagedTable create = (SqlCreateManagedTable) FaiscaParser.parse(
        "CREATE TABLE t PARTITIONED BY (d) STORED AS PARQUET AS SELECT 1 AS d");

    assertThat(create.columnList).isNull();
    assertThat(create.partitioning()).containsExactly(PartitionField.identity("d"));
    assertThat(create.storedAs()).hasValue("PARQUET");
    assertThat(create.query).isInstanceOf(SqlSelect.class);
    assertThat(((SqlCreateManagedTable) FaiscaParser.parse("CREATE TABLE t (x INT)")).storedAs())
        .isEqualTo(Optional.empty());
  }

  @Test void columnsCarryKeyConstraintsAndIndexesWriteBackAsTheyParse() {
    SqlCreateManagedTable create = (SqlCreateManagedTable) FaiscaParser.parse("CREATE TABLE t (pk INTEGER"
        + " CONSTRAINT k PRIMARY KEY, a TEXT UNIQUE NOT NULL, b INT NULL, CONSTRAINT u UNIQUE (a, b))");
    assertThat(create.columnList.stream().map(node -> node.getKind().name()))
        .containsExactly("COLUMN_DECL", "PRIMARY_KEY", "COLUMN_DECL", "UNIQUE", "COLUMN_DECL", "UNIQUE");
    assertThat(create.columnList.get(0).toString()).isEqualTo("`pk` INTEGER NOT NULL");
    assertThat(create.columnList.get(2).toString()).isEqualTo("`a` `TEXT` NOT NULL");

    assertThat(FaiscaParser.parse("create unique index if not exists i on s.t (a desc, b asc, c)")
        .toSqlString(CalciteSqlDialect.DEFAULT).getSql())
        .isEqualTo("CREATE UNIQUE INDEX IF NOT EXISTS \"i\" ON \"s\".\"t\" (\"a\" DESC, \"b\", \"c\")");
    assertThat(FaiscaParser.parse("DROP INDEX IF EXISTS i").toSqlString(CalciteSqlDialect.DEFAULT).getSql())
        .isEqualTo("DROP INDEX IF EXISTS \"i\"");
    // INDEX stays a name.
    assertThat(FaiscaParser.parse("SELECT index FROM t")).isInstanceOf(SqlSelect.class);
  }

  @Test void locationComesAfterStoredAsAndBeforeWith() {
    SqlCreateManagedTable create = (SqlCreateManagedTable) FaiscaParser.parse("CREATE TABLE t (x INT)"
        + " PARTITIONED BY (x) STORED AS AVRO LOCATION 'hdfs://nn:8020/tables/t' WITH (owner = 'x')");
    SqlCreateManagedTable createAs = (SqlCreateManagedTable) FaiscaParser.parse(
        "CREATE TABLE t LOCATION '/data/it''s' AS SELECT 1 AS x");

    assertThat(create.location()).hasValue("hdfs://nn:8020/tables/t");
    assertThat(create.properties()).containsOnlyKeys("owner");
    assertThat(createAs.location()).hasValue("/data/it's");
    assertThat(createAs.query).isInstanceOf(SqlSelect.class);
    assertThat(((SqlCreateManagedTable) FaiscaParser.parse("CREATE TABLE t (x INT)")).location()).isEmpty();
  }

  @Test void createTableWritesBackAsItParses() {
    String sql = "CREATE TABLE t (id BIGINT NOT NULL, ts TIMESTAMP)"
        + " PARTITIONED BY (id, day(ts), bucket(8, id), truncate(3, id))"
        + " STORED AS avro LOCATION '/data/t' WITH ('k.1' = 'it''s', owner = 'x')"
        + " AS SELECT 1, TIMESTAMP '2024-01-01 00:00:00'";
    SqlNode parsed = FaiscaParser.parse(sql);
    String written = parsed.toSqlString(CalciteSqlDialect.DEFAULT).getSql();

    assertThat(written).contains("PARTITIONED BY (", "DAY(", "BUCKET(8, ", "TRUNCATE(3, ", "STORED AS",
        "LOCATION '/data/t' WITH ('k.1' = 'it''s'");
    assertThat(FaiscaParser.parse(written).toSqlString(CalciteSqlDialect.DEFAULT).getSql()).isEqualTo(written);
  }

  @Test void insertOverwriteIsAnInsertThatSaysSo() {
    SqlInsertOverwrite insert = (SqlInsertOverwrite) FaiscaParser.parse(
        "INSERT OVERWRITE TABLE t (b, a) SELECT x, y FROM s");
    SqlInsertOverwrite values = (SqlInsertOverwrite) FaiscaParser.parse("insert overwrite t values (1, 2)");

    assertThat(((SqlIdentifier) insert.getTargetTable()).getSimple()).isEqualTo("t");
    assertThat(insert.getTargetColumnList()).extracting(Object::toString).containsExactly("b", "a");
    assertThat(values.getTargetColumnList()).isNull();
    String written = insert.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    assertThat(written).startsWith("INSERT OVERWRITE \"t\" (\"b\", \"a\")");
    assertThat(FaiscaParser.parse(written)).isInstanceOf(SqlInsertOverwrite.class);
    assertThat(FaiscaParser.parse("INSERT INTO t VALUES (1)")).isNotInstanceOf(SqlInsertOverwrite.class);
  }

  @Test void theNewWordsStayNames() {
    SqlSelect select = (SqlSelect) FaiscaParser.parse("SELECT partitioned, stored, overwrite, location FROM t");

    assertThat(select.getSelectList()).hasSize(4);
  }

  @Test void malformedClausesAreSyntaxErrorsOrNamedMistakes() {
    assertSyntaxError("CREATE TABLE t (x INT) PARTITIONED BY ()");
    assertSyntaxError("CREATE TABLE t (x INT) PARTITIONED BY (bucket(16, x + 1))");
    assertSyntaxError("CREATE TABLE t (x INT) STORED AS 'parquet'");
    assertSyntaxError("CREATE TABLE t (x INT) WITH ('k')");
    assertSyntaxError("CREATE TABLE t (x INT) LOCATION /data/t");
    assertSyntaxError("CREATE TABLE t (x INT) WITH ('k' = 'v') LOCATION '/data/t'");
    assertSyntaxError("INSERT OVERWRITE t");
    SqlCreateManagedTable twoColumns = (SqlCreateManagedTable) FaiscaParser.parse(
        "CREATE TABLE t (x INT) PARTITIONED BY (bucket(x, x))");
    assertThatThrownBy(twoColumns::partitioning).isInstanceOf(FaiscaException.class)
        .hasMessageContaining("PARTITIONED BY bucket(x, x): a transform takes one column");
    SqlCreateManagedTable fraction = (SqlCreateManagedTable) FaiscaParser.parse(
        "CREATE TABLE t (x INT) PARTITIONED BY (bucket(1.5, x))");
    assertThatThrownBy(fraction::partitioning).hasMessageContaining("1.5 is not a whole number");
    SqlCreateManagedTable twice = (SqlCreateManagedTable) FaiscaParser.parse(
        "CREATE TABLE t (x INT) WITH ('k' = 'a', k = 'b')");
    assertThatThrownBy(twice::properties).hasMessageContaining("'k' is given twice");
  }

  private static PartitionField field(String transform, String column, Integer argument) {
    return new PartitionField(transform, column, argument == null ? OptionalInt.empty() : OptionalInt.of(argument));
  }

  private static void assertSyntaxError(String sql) {
    assertThatThrownBy(() -> FaiscaParser.parse(sql)).as(sql).isInstanceOf(FaiscaException.class)
        .extracting(e -> ((FaiscaException) e).code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
  }
}
