package io.faisca.catalog;

import static io.faisca.catalog.ParquetFiles.row;
import static io.faisca.catalog.ParquetFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables laid out in Hive-style {@code key=value} directories. */
class PartitionedTableTest {
  private static final String SCHEMA = "message m { required int64 id; }";

  @TempDir Path root;

  private TableMetadata table() {
    return Warehouse.open(root.toString()).table("t").orElseThrow();
  }

  private void writePartition(String directories, int rowCount) {
    ParquetFiles.write(root.resolve("t").resolve(directories).resolve("part-0.parquet"), SCHEMA,
        rows(rowCount, i -> row((long) i)));
  }

  @Test void partitionKeysFollowTheDataColumnsInDirectoryOrder() {
    writePartition("region=eu/year=2023", 1);
    writePartition("region=us/year=2024", 1);

    TableMetadata table = table();

    assertThat(table.isPartitioned()).isTrue();
    assertThat(table.columns()).extracting(ColumnMetadata::name).containsExactly("id", "region", "year");
    assertThat(table.columns()).extracting(ColumnMetadata::partitionKey).containsExactly(false, true, true);
    assertThat(table.files()).extracting(DataFile::partitionValues).containsExactly(
        Map.of("region", "eu", "year", "2023"),
        Map.of("region", "us", "year", "2024"));
  }

  @Test void keyTypeIsTheNarrowestThatReadsEveryValue() {
    writePartition("i=1/l=3000000000/d=2024-01-31/s=2024-01", 1);
    writePartition("i=-7/l=5/d=2024-02-01/s=eu", 1);

    TableMetadata table = table();

    assertThat(table.column("i").orElseThrow().type()).isEqualTo(SqlTypeName.INTEGER);
    assertThat(table.column("l").orElseThrow().type()).isEqualTo(SqlTypeName.BIGINT);
    assertThat(table.column("d").orElseThrow().type()).isEqualTo(SqlTypeName.DATE);
    assertThat(table.column("s").orElseThrow().type()).isEqualTo(SqlTypeName.VARCHAR);
  }

  @Test void statisticsAreExact() {
    writePartition("day=2024-01-01", 5);
    writePartition("day=2024-01-02", 3);
    // A second file in a partition adds rows but no new value.
    ParquetFiles.write(root.resolve("t/day=2024-01-02/part-1.parquet"), SCHEMA, row(9L));
    writePartition("day=2024-01-10", 2);

    TableMetadata table = table();
    ColumnMetadata day = table.column("day").orElseThrow();

    assertThat(table.rowCount()).isEqualTo(11);
    assertThat(day.nullable()).isFalse();
    assertThat(day.statistics().distinctCount()).isEqualTo(3.0);
    assertThat(day.statistics().nullCount()).isZero();
    assertThat(day.statistics().min()).isEqualTo(LocalDate.parse("2024-01-01").toEpochDay());
    assertThat(day.statistics().max()).isEqualTo(LocalDate.parse("2024-01-10").toEpochDay());
  }

  @Test void hiveDefaultPartitionIsNull() {
    writePartition("k=1", 4);
    writePartition("k=2", 1);
    writePartition("k=__HIVE_DEFAULT_PARTITION__", 3);

    TableMetadata table = table();
    ColumnMetadata k = table.column("k").orElseThrow();

    // The NULL partition neither spoils the INTEGER type nor counts as a value.
    assertThat(k.type()).isEqualTo(SqlTypeName.INTEGER);
    assertThat(k.nullable()).isTrue();
    assertThat(k.statistics().nullCount()).isEqualTo(3);
    assertThat(k.statistics().distinctCount()).isEqualTo(2.0);
    assertThat(k.statistics().min()).isEqualTo(1.0);
    assertThat(k.statistics().max()).isEqualTo(2.0);
    assertThat(table.files()).extracting(f -> f.partitionValues().get("k")).containsExactly("1", "2", null);
  }

  @Test void escapedCharactersInValuesAreDecoded() {
    // Hive writes ':' and '/' as %3A and %2F; '+' is a literal plus, not a space.
    writePartition("ts=2024-01-01 10%3A30/path=a%2Fb/op=c+d", 1);

    assertThat(table().files().get(0).partitionValues())
        .containsEntry("ts", "2024-01-01 10:30")
        .containsEntry("path", "a/b")
        .containsEntry("op", "c+d");
  }

  @Test void hiddenPartitionDirectoriesAreSkipped() {
    writePartition("k=1", 2);
    // An unfinished write, as Spark stages it.
    writePartition("_temporary=0", 5);

    TableMetadata table = table();

    assertThat(table.rowCount()).isEqualTo(2);
    assertThat(table.columns()).extracting(ColumnMetadata::name).containsExactly("id", "k");
  }

  @Test void keyThatIsAlsoAFileColumnIsInconsistent() {
    writePartition("ID=1", 1);

    assertThatThrownBy(this::table)
        .isInstanceOfSatisfying(FaiscaException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INCONSISTENT_TABLE))
        .hasMessageContaining("'ID'")
        .hasMessageContaining("both in its files and in its partition directory names");
  }
}
