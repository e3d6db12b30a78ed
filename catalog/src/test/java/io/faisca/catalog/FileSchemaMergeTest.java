package io.faisca.catalog;

import static io.faisca.catalog.ParquetFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the schemas of a table's files are combined, and when they cannot be. */
class FileSchemaMergeTest {
  @TempDir Path root;

  private TableMetadata table() {
    return Warehouse.open(root.toString()).table("t").orElseThrow();
  }

  @Test void filesDisagreeingOnAColumnTypeAreInconsistent() {
    Path first = ParquetFiles.write(root.resolve("t/part-0.parquet"), "message m { required int32 qty; }", row(1));
    Path second = ParquetFiles.write(root.resolve("t/part-1.parquet"), "message m { required binary qty (STRING); }",
        row("one"));

    assertThatThrownBy(this::table)
        .isInstanceOfSatisfying(FaiscaException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INCONSISTENT_TABLE);
          assertThat(e.sqlState()).isEqualTo("XX001");
        })
        .hasMessageContaining("column 'qty'")
        .hasMessageContaining("INTEGER in 'file:" + first + "'")
        .hasMessageContaining("VARCHAR in 'file:" + second + "'");
  }

  @Test void decimalsOfDifferentScaleAreDifferentTypes() {
    ParquetFiles.write(root.resolve("t/part-0.parquet"),
        "message m { required int64 price (DECIMAL(12,2)); }", row(1L));
    ParquetFiles.write(root.resolve("t/part-1.parquet"),
        "message m { required int64 price (DECIMAL(12,3)); }", row(1L));

    assertThatThrownBy(this::table)
        .isInstanceOfSatisfying(FaiscaException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INCONSISTENT_TABLE))
        .hasMessageContaining("DECIMAL(12, 2)")
        .hasMessageContaining("DECIMAL(12, 3)");
  }

  @Test void requiredInOneFileAndOptionalInAnotherIsNullable() {
    ParquetFiles.write(root.resolve("t/part-0.parquet"), "message m { required int32 id; }", row(1));
    ParquetFiles.write(root.resolve("t/part-1.parquet"), "message m { optional int32 id; }", row(2));

    assertThat(table().column("id").orElseThrow().nullable()).isTrue();
  }

  @Test void columnOnlyInSomeFilesBecomesNullableWithTheirRowsAsNulls() {
    // A column added to the table later: older files do not have it.
    ParquetFiles.write(root.resolve("t/part-0.parquet"), "message m { required int32 id; }", row(1), row(2), row(3));
    ParquetFiles.write(root.resolve("t/part-1.parquet"), "message m { required int32 id; required int32 added; }",
        row(4, 40), row(5, 50));

    TableMetadata table = table();
    ColumnMetadata added = table.column("added").orElseThrow();

    assertThat(table.columns()).extracting(ColumnMetadata::name).containsExactly("id", "added");
    assertThat(table.column("id").orElseThrow().nullable()).isFalse();
    assertThat(added.nullable()).isTrue();
    assertThat(added.statistics().nullCount()).isEqualTo(3);
    assertThat(added.statistics().min()).isEqualTo(40.0);
    assertThat(added.statistics().max()).isEqualTo(50.0);
  }
}
