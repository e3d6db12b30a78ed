package io.faisca.catalog;

import static io.faisca.catalog.ParquetFiles.row;
import static io.faisca.catalog.ParquetFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row counts, null counts and value ranges, summed and merged over a table's files. */
class TableStatisticsTest {
  @TempDir Path root;

  private TableMetadata table(String name) {
    return Warehouse.open(root.toString()).table(name).orElseThrow();
  }

  private ColumnStatistics statistics(String table, String column) {
    return table(table).column(column).orElseThrow().statistics();
  }

  @Test void rowCountIsSummedOverFiles() {
    String schema = "message m { required int32 id; }";
    ParquetFiles.write(root.resolve("t/part-0.parquet"), schema, rows(3, i -> row(i)));
    ParquetFiles.write(root.resolve("t/part-1.parquet"), schema, rows(5, i -> row(i)));

    TableMetadata table = table("t");

    assertThat(table.rowCount()).isEqualTo(8);
    assertThat(table.files()).hasSize(2);
  }

  @Test void rangesAndNullCountsAreMergedOverFiles() {
    String schema = "message m { optional int64 amount; optional double ratio; }";
    ParquetFiles.write(root.resolve("t/part-0.parquet"), schema,
        row(10L, 0.25), row(null, 0.5), row(30L, null));
    ParquetFiles.write(root.resolve("t/part-1.parquet"), schema,
        row(-5L, 2.5), row(null, null));

    ColumnStatistics amount = statistics("t", "amount");
    ColumnStatistics ratio = statistics("t", "ratio");

    assertThat(amount.min()).isEqualTo(-5.0);
    assertThat(amount.max()).isEqualTo(30.0);
    assertThat(amount.nullCount()).isEqualTo(2);
    assertThat(ratio.min()).isEqualTo(0.25);
    assertThat(ratio.max()).isEqualTo(2.5);
    assertThat(ratio.nullCount()).isEqualTo(2);
  }

  @Test void decimalRangeIsScaled() {
    // Unscaled 150 with scale 2 is 1.50, whichever physical type holds it.
    ParquetFiles.write(root.resolve("t/part-0.parquet"), """
        message m {
          required int32 small (DECIMAL(9,2));
          required int64 large (DECIMAL(18,2));
          required fixed_len_byte_array(8) fixed (DECIMAL(18,2));
        }""",
        row(150, 150L, unscaled(150, 8)),
        row(-275, -275L, unscaled(-275, 8)),
        row(1_000, 1_000L, unscaled(1_000, 8)));

    for (String column : new String[] {"small", "large", "fixed"}) {
      ColumnStatistics statistics = statistics("t", column);
      assertThat(statistics.min()).as(column).isEqualTo(-2.75);
      assertThat(statistics.max()).as(column).isEqualTo(10.0);
    }
  }

  @Test void dateRangeIsInEpochDays() {
    ParquetFiles.write(root.resolve("t/part-0.parquet"), "message m { required int32 day (DATE); }",
        row(epochDay("1998-12-01")), row(epochDay("1992-01-02")));

    ColumnStatistics day = statistics("t", "day");

    assertThat(day.min()).isEqualTo(epochDay("1992-01-02"));
    assertThat(day.max()).isEqualTo(epochDay("1998-12-01"));
  }

  @Test void unsignedIntegersKeepTheirValueAboveTwoToThe31() {
    // UINT32 is stored in an INT32; its statistics must not be read as signed.
    ParquetFiles.write(root.resolve("t/part-0.parquet"), "message m { required int32 u (INTEGER(32,false)); }",
        row((int) 3_000_000_000L), row(7));

    ColumnStatistics u = statistics("t", "u");

    assertThat(u.min()).isEqualTo(7.0);
    assertThat(u.max()).isEqualTo(3_000_000_000.0);
  }

  @Test void columnWithoutAnOrderedNumericTypeHasNoRange() {
    ParquetFiles.write(root.resolve("t/part-0.parquet"),
        "message m { optional binary name (STRING); optional int64 at (TIMESTAMP(MICROS,false)); }",
        row("a", 1L), row("b", 2L), row(null, null));

    for (String column : new String[] {"name", "at"}) {
      ColumnStatistics statistics = statistics("t", column);
      assertThat(statistics.min()).as(column).isNull();
      assertThat(statistics.max()).as(column).isNull();
      assertThat(statistics.nullCount()).as(column).isEqualTo(1);
    }
  }

  @Test void fileWhereAColumnIsAllNullDoesNotHideTheRangeOfOthers() {
    String schema = "message m { optional int32 x; }";
    ParquetFiles.write(root.resolve("t/part-0.parquet"), schema, row(4), row(9));
    ParquetFiles.write(root.resolve("t/part-1.parquet"), schema, row((Object) null), row((Object) null));

    ColumnStatistics x = statistics("t", "x");

    assertThat(x.min()).isEqualTo(4.0);
    assertThat(x.max()).isEqualTo(9.0);
    assertThat(x.nullCount()).isEqualTo(2);
  }

  @Test void columnThatIsAllNullHasNoRangeAndNoDistinctValues() {
    ParquetFiles.write(root.resolve("t/part-0.parquet"), "message m { required int32 id; optional int32 x; }",
        row(1, null), row(2, null));

    ColumnStatistics x = statistics("t", "x");

    assertThat(x.nullCount()).isEqualTo(2);
    assertThat(x.min()).isNull();
    assertThat(x.max()).isNull();
    assertThat(x.distinctCount()).isEqualTo(0.0);
  }

  private static byte[] unscaled(long value, int width) {
    // Big-endian two's complement, sign-extended to the fixed width.
    byte[] minimal = BigInteger.valueOf(value).toByteArray();
    byte[] bytes = new byte[width];
    Arrays.fill(bytes, value < 0 ? (byte) 0xff : 0);
    System.arraycopy(minimal, 0, bytes, width - minimal.length, minimal.length);
    return bytes;
  }

  private static int epochDay(String date) {
    return (int) LocalDate.parse(date).toEpochDay();
  }
}
