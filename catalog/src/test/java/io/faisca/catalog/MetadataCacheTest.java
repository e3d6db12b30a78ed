package io.faisca.catalog;

import static io.faisca.catalog.ParquetFiles.row;
import static io.faisca.catalog.ParquetFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Footers are read once per state of a table's files, and again when the files change. */
class MetadataCacheTest {
  private static final String SCHEMA = "message m { required int32 id; }";

  @TempDir Path root;
  private Warehouse warehouse;

  @BeforeEach void writeTable() {
    ParquetFiles.write(root.resolve("t/part-0.parquet"), SCHEMA, rows(3, i -> row(i)));
    warehouse = Warehouse.open(root.toString());
  }

  private TableMetadata table() {
    return warehouse.table("t").orElseThrow();
  }

  @Test void unchangedFilesGiveTheCachedMetadata() {
    assertThat(table()).isSameAs(table());
  }

  @Test void addedFileIsSeen() {
    TableMetadata before = table();
    ParquetFiles.write(root.resolve("t/part-1.parquet"), SCHEMA, rows(4, i -> row(i)));

    TableMetadata after = table();

    assertThat(before.rowCount()).isEqualTo(3);
    assertThat(after.rowCount()).isEqualTo(7);
    assertThat(after.files()).hasSize(2);
  }

  @Test void rewrittenFileIsReadAgain() {
    TableMetadata before = table();
    ParquetFiles.write(root.resolve("t/part-0.parquet"), SCHEMA, rows(10, i -> row(100 + i)));

    TableMetadata after = table();

    assertThat(before.column("id").orElseThrow().statistics().max()).isEqualTo(2.0);
    assertThat(after.rowCount()).isEqualTo(10);
    assertThat(after.column("id").orElseThrow().statistics().max()).isEqualTo(109.0);
  }

  @Test void removedFileIsForgotten() throws IOException {
    ParquetFiles.write(root.resolve("t/part-1.parquet"), SCHEMA, rows(4, i -> row(i)));
    assertThat(table().rowCount()).isEqualTo(7);

    Files.delete(root.resolve("t/part-1.parquet"));

    assertThat(table().rowCount()).isEqualTo(3);
  }

  @Test void tableWhoseFilesAreAllGoneIsNoLongerATable() throws IOException {
    assertThat(warehouse.table("t")).isPresent();

    Files.delete(root.resolve("t/part-0.parquet"));

    assertThat(warehouse.table("t")).isEmpty();
    assertThat(warehouse.tableNames()).isEmpty();
  }

  @Test void metadataIsCurrentUntilAFileIsAddedOrRemoved() throws IOException {
    TableName t = TableName.ofDefault("t");
    TableMetadata first = table();
    assertThat(warehouse.isCurrent(t, first)).isTrue();

    ParquetFiles.write(root.resolve("t/part-1.parquet"), SCHEMA, rows(4, i -> row(i)));
    assertThat(warehouse.isCurrent(t, first)).isFalse();
    TableMetadata second = table();
    assertThat(warehouse.isCurrent(t, second)).isTrue();

    Files.delete(root.resolve("t/part-0.parquet"));
    assertThat(warehouse.isCurrent(t, second)).isFalse();
    assertThat(warehouse.isCurrent(t, table())).isTrue();

    Files.delete(root.resolve("t/part-1.parquet"));
    assertThat(warehouse.isCurrent(t, second)).isFalse();
  }
}
