package io.faisca.catalog;

import static io.faisca.catalog.ParquetFiles.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which directories of a warehouse are tables. */
class TableDiscoveryTest {
  private static final String SCHEMA = "message m { required int32 id; }";

  @TempDir Path root;
  private Warehouse warehouse;

  @BeforeEach void layOutWarehouse() throws IOException {
    ParquetFiles.write(root.resolve("orders/part-0.parquet"), SCHEMA, row(1));
    ParquetFiles.write(root.resolve("customers/part-0.parquet"), SCHEMA, row(1));
    // Data only below key=value directories still makes a table.
    ParquetFiles.write(root.resolve("events/day=1/part-0.parquet"), SCHEMA, row(1));
    Files.createDirectories(root.resolve("empty"));
    Files.createDirectories(root.resolve("csv_only"));
    Files.writeString(root.resolve("csv_only/data.csv"), "id\n1\n");
    // Spark's staging directory and a VCS directory: never tables, whatever they hold.
    ParquetFiles.write(root.resolve("_tmp/part-0.parquet"), SCHEMA, row(1));
    ParquetFiles.write(root.resolve(".git/part-0.parquet"), SCHEMA, row(1));
    // Only key=value subdirectories are descended into.
    ParquetFiles.write(root.resolve("nested/backup/part-0.parquet"), SCHEMA, row(1));
    // A file at the top is not a table: tables are directories.
    ParquetFiles.write(root.resolve("loose.parquet"), SCHEMA, row(1));
    warehouse = Warehouse.open(root.toString());
  }

  @Test void directoriesHoldingParquetFilesAreTablesSortedByName() {
    assertThat(warehouse.tableNames()).containsExactly("customers", "events", "orders");
  }

  @Test void nonTablesHaveNoMetadata() {
    assertThat(warehouse.table("orders")).isPresent();
    assertThat(warehouse.table("empty")).isEmpty();
    assertThat(warehouse.table("csv_only")).isEmpty();
    assertThat(warehouse.table("_tmp")).isEmpty();
    assertThat(warehouse.table(".git")).isEmpty();
    assertThat(warehouse.table("nested")).isEmpty();
    assertThat(warehouse.table("loose.parquet")).isEmpty();
    assertThat(warehouse.table("missing")).isEmpty();
  }

  @Test void namesThatReachOutsideTheWarehouseAreNotTables() {
    assertThat(warehouse.table("nested/backup")).isEmpty();
    assertThat(warehouse.table("../" + root.getFileName() + "/orders")).isEmpty();
  }

  @Test void tableCreatedAfterOpeningShowsUp() {
    ParquetFiles.write(root.resolve("late/part-0.parquet"), SCHEMA, row(1));

    assertThat(warehouse.tableNames()).contains("late");
    assertThat(warehouse.table("late")).isPresent();
  }

  @Test void missingTableIsExplainedByWhatIsThere() {
    assertThat(warehouse.describeMissingTable("empty"))
        .isEqualTo("directory '" + warehouse.location() + "/empty' holds no Parquet files");
    assertThat(warehouse.describeMissingTable("missing"))
        .isEqualTo("no such table in warehouse '" + warehouse.location() + "'");
  }
}
