package io.faisca.catalog;

import static io.faisca.catalog.ParquetFiles.row;
import static io.faisca.catalog.ParquetFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distinct-count estimates: footers have no distinct counts, so they are
 * bounded by the row count, the value range of integral columns and the
 * size of the writers' dictionaries.
 */
class DistinctEstimateTest {
  @TempDir Path root;

  private Double distinct(String column) {
    return Warehouse.open(root.toString()).table("t").orElseThrow()
        .column(column).orElseThrow().statistics().distinctCount();
  }

  @Test void integerRangeBoundsDistinctValues() {
    // Plain encoding, so only the range [1, 10] can tell: at most 10 values in 100 rows.
    ParquetFiles.writeWithoutDictionary(root.resolve("t/part-0.parquet"), "message m { required int32 k; }",
        rows(100, i -> row(1 + i % 10)));

    assertThat(distinct("k")).isEqualTo(10.0);
  }

  @Test void rowCountBoundsAWideRange() {
    ParquetFiles.writeWithoutDictionary(root.resolve("t/part-0.parquet"), "message m { required int64 k; }",
        row(1L), row(1_000_000L), row(5L));

    assertThat(distinct("k")).isEqualTo(3.0);
  }

  @Test void rangeBoundCountsOnlyNonNullRows() {
    ParquetFiles.writeWithoutDictionary(root.resolve("t/part-0.parquet"), "message m { optional int32 k; }",
        rows(10, i -> row(i < 7 ? null : i * 100)));

    assertThat(distinct("k")).isEqualTo(3.0);
  }

  @Test void dateRangeBoundsDistinctDays() {
    ParquetFiles.writeWithoutDictionary(root.resolve("t/part-0.parquet"), "message m { required int32 d (DATE); }",
        rows(50, i -> row(19_000 + i % 5)));

    assertThat(distinct("d")).isEqualTo(5.0);
  }

  @Test void decimalRangeIsCountedInStepsOfItsScale() {
    // 1.00 to 1.04 holds five values at scale 2.
    ParquetFiles.writeWithoutDictionary(root.resolve("t/part-0.parquet"),
        "message m { required int64 price (DECIMAL(12,2)); }", rows(40, i -> row(100L + i % 5)));

    assertThat(distinct("price")).isEqualTo(5.0);
  }

  @Test void dictionarySizeBoundsStrings() {
    ParquetFiles.write(root.resolve("t/part-0.parquet"), "message m { required binary flag (STRING); }",
        rows(100, i -> row(new String[] {"A", "N", "R"}[i % 3])));

    assertThat(distinct("flag")).isEqualTo(3.0);
  }

  @Test void smallerOfRangeAndDictionaryWins() {
    // The range [0, 900] allows 100 values (the row count); the dictionary holds 4.
    ParquetFiles.write(root.resolve("t/part-0.parquet"), "message m { required int32 k; }",
        rows(100, i -> row(i % 4 * 300)));

    assertThat(distinct("k")).isEqualTo(4.0);
  }

  @Test void overflowedDictionaryMeansNearlyUnique() {
    // The first rows repeat, so the writer starts a dictionary; unique values then overflow it.
    ParquetFiles.writeWithOverflowingDictionary(root.resolve("t/part-0.parquet"),
        "message m { required binary s (STRING); }", rows(1000, i -> row(i < 50 ? "v" + i % 3 : "value-" + i)));

    assertThat(distinct("s")).isEqualTo(1000.0);
  }

  @Test void stringsWithoutDictionaryHaveNoEstimate() {
    ParquetFiles.writeWithoutDictionary(root.resolve("t/part-0.parquet"), "message m { required binary s (STRING); }",
        row("a"), row("b"));

    assertThat(distinct("s")).isNull();
  }

  @Test void booleanHasAtMostTwoValues() {
    ParquetFiles.write(root.resolve("t/part-0.parquet"), "message m { required boolean b; optional boolean one; }",
        rows(100, i -> row(i % 2 == 0, i == 0 ? true : null)));

    assertThat(distinct("b")).isEqualTo(2.0);
    assertThat(distinct("one")).isEqualTo(1.0);
  }

  @Test void columnMissingFromAFileCountsThatFileAsNulls() {
    // The second file lacks k: its 3 rows are NULL, leaving 2 non-null rows to bound the estimate.
    ParquetFiles.writeWithoutDictionary(root.resolve("t/part-0.parquet"),
        "message m { required int32 id; required int32 k; }", row(1, 10), row(2, 500));
    ParquetFiles.writeWithoutDictionary(root.resolve("t/part-1.parquet"), "message m { required int32 id; }",
        row(3), row(4), row(5));

    assertThat(distinct("k")).isEqualTo(2.0);
    assertThat(distinct("id")).isEqualTo(5.0);
  }
}
