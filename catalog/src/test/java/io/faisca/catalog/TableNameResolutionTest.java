package io.faisca.catalog;

import static io.faisca.catalog.ParquetFiles.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    assertThat(warehouse.resolveTableName("LineItem", true)).hasValue("LineItem");
    assertThat(warehouse.resolveTableName("LineItem", false)).hasValue("LineItem");
  }

  @Test void otherCaseResolvesOnlyWhenCaseInsensitive() {
    assertThat(warehouse.resolveTableName("lineitem", false)).hasValue("LineItem");
    assertThat(warehouse.resolveTableName("LINEITEM", false)).hasValue("LineItem");
    assertThat(warehouse.resolveTableName("lineitem", true)).isEmpty();
  }

  @Test void exactMatchWinsOverOneThatOnlyDiffersInCase() {
    assertThat(warehouse.resolveTableName("orders", false)).hasValue("orders");
    assertThat(warehouse.resolveTableName("Orders", false)).hasValue("Orders");
  }

  @Test void directoriesThatAreNotTablesDoNotResolve() {
    assertThat(warehouse.resolveTableName("empty", false)).isEmpty();
    assertThat(warehouse.resolveTableName("_staging", true)).isEmpty();
    assertThat(warehouse.resolveTableName("missing", false)).isEmpty();
  }
}
