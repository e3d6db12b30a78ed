package io.faisca.catalog;

import static io.faisca.catalog.ParquetFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table's columns and files, as read from real footers. */
class TableSchemaTest {
  @TempDir Path root;

  private TableMetadata table(String name) {
    return Warehouse.open(root.toString()).table(name).orElseThrow();
  }

  @Test void columnsFollowTheFileSchemaInOrder() {
    ParquetFiles.write(root.resolve("t/part-0.parquet"), """
        message m {
          required int64 id;
          optional binary name (STRING);
          required int32 price (DECIMAL(9,2));
          optional int32 shipped (DATE);
          optional int64 seen (TIMESTAMP(MICROS,true));
          required boolean active;
          optional double score;
        }""", row(1L, "a", 150, 19_000, 0L, true, 0.5));

    TableMetadata table = table("t");

    assertThat(table.name()).isEqualTo("t");
    assertThat(table.format()).isEqualTo(FileFormat.PARQUET);
    assertThat(table.isPartitioned()).isFalse();
    assertThat(table.columns()).extracting(ColumnMetadata::name)
        .containsExactly("id", "name", "price", "shipped", "seen", "active", "score");
    assertThat(table.columns()).extracting(ColumnMetadata::typeName)
        .containsExactly("BIGINT", "VARCHAR", "DECIMAL(9, 2)", "DATE", "TIMESTAMP WITH LOCAL TIME ZONE",
            "BOOLEAN", "DOUBLE");
    assertThat(table.columns()).extracting(ColumnMetadata::nullable)
        .containsExactly(false, true, false, true, true, false, true);
  }

  @Test void unsupportedColumnsAreLeftOut() {
    ParquetFiles.write(root.resolve("t/part-0.parquet"),
        "message m { required int32 id; repeated int32 tags; optional group point { required double x; } }",
        row(1));

    assertThat(table("t").columns()).extracting(ColumnMetadata::name).containsExactly("id");
    assertThat(table("t").column("tags")).isEmpty();
  }

  @Test void tableWithNoReadableColumnIsInconsistent() {
    ParquetFiles.write(root.resolve("t/part-0.parquet"), "message m { repeated int32 tags; }", row());

    assertThatThrownBy(() -> table("t"))
        .isInstanceOfSatisfying(FaiscaException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INCONSISTENT_TABLE))
        .hasMessageContaining("'t'")
        .hasMessageContaining("no column of a type Faísca can read");
  }

  @Test void filesAreListedWithoutChecksumsMarkersOrHiddenFiles() throws IOException {
    Path first = ParquetFiles.write(root.resolve("t/part-1.parquet"), "message m { required int32 id; }", row(1));
    Path second = ParquetFiles.write(root.resolve("t/part-0.parquet"), "message m { required int32 id; }", row(2));
    // Hadoop's .crc files, Spark's job marker and summary files and hidden
    // in-progress files are not data (reading the garbage ones would fail).
    assertThat(root.resolve("t/.part-0.parquet.crc")).exists();
    Files.createFile(root.resolve("t/_SUCCESS"));
    Files.writeString(root.resolve("t/_metadata"), "not parquet");
    Files.writeString(root.resolve("t/.part-2.parquet"), "still being written");
    Files.writeString(root.resolve("t/_part-3.parquet"), "still being written");

    TableMetadata table = table("t");

    assertThat(table.files()).extracting(DataFile::path)
        .containsExactly("file:" + second, "file:" + first);
    assertThat(table.files()).allSatisfy(f -> assertThat(f.partitionValues()).isEmpty());
    assertThat(table.totalBytes()).isEqualTo(Files.size(first) + Files.size(second));
    assertThat(table.location()).isEqualTo("file:" + root.resolve("t"));
  }

  @Test void columnLookupIsByExactName() {
    ParquetFiles.write(root.resolve("t/part-0.parquet"), "message m { required int32 Id; }", row(1));

    assertThat(table("t").column("Id")).hasValueSatisfying(c -> assertThat(c.type()).isEqualTo(SqlTypeName.INTEGER));
    assertThat(table("t").column("id")).isEmpty();
  }
}
