package io.faisca.catalog;

import static io.faisca.catalog.ParquetFiles.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matching a name written in SQL to a table directory. */
class TableNameResolutionTest {
  private static final String SCHEMA = "message m { required int32 id; }";

  @TempDir Path root;
  private Warehouse warehouse;

  @BeforeEach void layOutWarehouse() throws IOException {
    ParquetFiles.write(root.resolve("LineItem/part-0.parquet"), SCHEMA, row(1));
    // Two tables whose names differ only in case (the file system here tells them apart).
    ParquetFiles.write(root.resolve("Orders/part-0.parquet"), SCHEMA, row(1));
    ParquetFiles.write(root.resolve("orders/part-0.parquet"), SCHEMA, row(1));
    Files.createDirectories(root.resolve("empty"));
    ParquetFiles.write(root.resolve("_staging/part-0.parquet"), SCHEMA, row(1));
    warehouse = Warehouse.open(root.toString());
  }

  @Test void exactNameResolvesEitherWay() {
    assertThat(resolve("LineItem", true)).hasValue("LineItem");
    assertThat(resolve("LineItem", false)).hasValue("LineItem");
  }

  @Test void otherCaseResolvesOnlyWhenCaseInsensitive() {
    assertThat(resolve("lineitem", false)).hasValue("LineItem");
    assertThat(resolve("LINEITEM", false)).hasValue("LineItem");
    assertThat(resolve("lineitem", true)).isEmpty();
  }

  @Test void exactMatchWinsOverOneThatOnlyDiffersInCase() {
    assertThat(resolve("orders", false)).hasValue("orders");
    assertThat(resolve("Orders", false)).hasValue("Orders");
  }

  @Test void directoriesThatAreNotTablesDoNotResolve() {
    assertThat(resolve("empty", false)).isEmpty();
    assertThat(resolve("_staging", true)).isEmpty();
    assertThat(resolve("missing", false)).isEmpty();
  }

  private Optional<String> resolve(String name, boolean caseSensitive) {
    return warehouse.resolve(WarehouseSchema.NAME, name, caseSensitive).map(found -> found.name().name());
  }
}
