package io.faisca.catalog;

import static io.faisca.catalog.ParquetFiles.row;
import static io.faisca.catalog.ParquetFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files named .parquet that cannot be read are reported, naming the file. */
class CorruptFileTest {
  @TempDir Path root;

  private TableMetadata table() {
    return Warehouse.open(root.toString()).table("t").orElseThrow();
  }

  private static void assertCorrupt(FaiscaException e) {
    assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE);
    assertThat(e.sqlState()).isEqualTo("XX001");
  }

  @Test void textFileIsNotParquet() throws IOException {
    ParquetFiles.write(root.resolve("t/part-0.parquet"), "message m { required int32 id; }", row(1));
    Path bad = Files.writeString(root.resolve("t/part-1.parquet"), "id,name\n1,one\n2,two\n");

    assertThatThrownBy(this::table)
        .isInstanceOfSatisfying(FaiscaException.class, CorruptFileTest::assertCorrupt)
        .hasMessageContaining(bad.toString())
        .hasMessageContaining("not a Parquet file");
  }

  @Test void emptyFileIsCorrupt() throws IOException {
    Path empty = Files.createFile(Files.createDirectories(root.resolve("t")).resolve("part-0.parquet"));

    assertThatThrownBy(this::table)
        .isInstanceOfSatisfying(FaiscaException.class, CorruptFileTest::assertCorrupt)
        .hasMessageContaining(empty.toString())
        .hasMessageContaining("empty");
  }

  @Test void truncatedFileIsCorrupt() throws IOException {
    // Cut a real file short: it starts like Parquet but has lost its footer.
    Path file = ParquetFiles.write(root.resolve("source/part-0.parquet"), "message m { required int32 id; }",
        rows(100, i -> row(i)));
    byte[] bytes = Files.readAllBytes(file);
    Path truncated = Files.write(Files.createDirectories(root.resolve("t")).resolve("part-0.parquet"),
        Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(this::table)
        .isInstanceOfSatisfying(FaiscaException.class, CorruptFileTest::assertCorrupt)
        .hasMessageContaining(truncated.toString());
  }
}
