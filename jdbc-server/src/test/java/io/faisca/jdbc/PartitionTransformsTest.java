package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every partition transform of every column type it applies to, computed by
 * Spark, against Iceberg's own: each table below is written from the same
 * rows (negative numbers, dates and instants before 1970, text beyond the
 * Basic Multilingual Plane, empty values, NULLs), and each of its files must
 * hold only rows whose partition, by Iceberg's transforms, is the file's.
 */
class PartitionTransformsTest {
  @TempDir static Path warehouse;
  private static Connection connection;
  private static Statement statement;

  /** The rows come from a Parquet file DuckDB writes: Faísca's SQL literals are Latin-1 only. */
  @BeforeAll static void writeTheRows() throws Exception {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement copy = duckdb.createStatement()) {
      java.nio.file.Files.createDirectories(warehouse.resolve("raw"));
      copy.execute("COPY (SELECT * FROM (VALUES"
          + " (TRUE, 0, 0::BIGINT, 0.0::REAL, 0.0::DOUBLE, 0.00::DECIMAL(9, 2), 'a', '\\x00'::BLOB,"
          + "  DATE '1970-01-01', TIMESTAMP '1970-01-01 00:00:00', TIMESTAMPTZ '1970-01-01 00:00:00+00'),"
          + " (FALSE, -1, -1, -1.5, -2.25, -0.01, '', ''::BLOB, DATE '1969-12-31', TIMESTAMP '1969-12-31 23:59:59.999999',"
          + "  TIMESTAMPTZ '1969-12-31 23:59:59.999999+00'),"
          + " (TRUE, 2147483647, 9223372036854775807, 3.5, 1e300, 9999999.99, 'héllo wörld', '\\xCA\\xFE\\xBA\\xBE'::BLOB,"
          + "  DATE '2024-02-29', TIMESTAMP '2024-02-29 13:45:01.5', TIMESTAMPTZ '2024-02-29 23:30:00+00'),"
          + " (FALSE, -2147483647, -9223372036854775807, -0.0, -1e-300, -9999999.99, '𝄞𝄞𝄞x', '\\xFF\\xFF\\xFF'::BLOB,"
          + "  DATE '1900-03-01', TIMESTAMP '1900-03-01 00:59:59', TIMESTAMPTZ '1900-02-28 23:00:00+00'),"
          + " (TRUE, 17, 1234567890123, 42.25, 3.141592653589793, 123.45, '冰山 Iceberg', '\\x01\\x02\\x03'::BLOB,"
          + "  DATE '2038-01-19', TIMESTAMP '2038-01-19 03:14:08', TIMESTAMPTZ '2038-01-19 03:14:08.000001+00'),"
          + " (FALSE, -17, -1234567890123, 1e10, -7.5, -123.45, 'ab', '\\xFF'::BLOB,"
          + "  DATE '0001-01-01', TIMESTAMP '0001-01-01 00:00:00', TIMESTAMPTZ '1582-10-15 12:00:00+00'),"
          + " (TRUE, 100, 100, 1.0, 1.0, 0.50, 'ü', '\\x80'::BLOB, DATE '9999-12-31',"
          + "  TIMESTAMP '9999-12-31 23:59:59.999999', TIMESTAMPTZ '2100-03-01 01:00:00+00'),"
          + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL))"
          + " t(b, i, l, r, d, amount, s, bin, dt, ts, tz)) TO '" + warehouse.resolve("raw/rows.parquet")
          + "' (FORMAT PARQUET)");
    }
    connection = DriverManager.getConnection("jdbc:faisca:warehouse=" + warehouse + ";master=local[2]");
    statement = connection.createStatement();
    statement.executeUpdate("CREATE TABLE src AS SELECT * FROM raw");
  }

  @AfterAll static void close() throws SQLException {
    connection.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = ';', value = {
      "PARQUET; bucket(5, i), bucket(5, l), bucket(5, amount), bucket(5, s)",
      "AVRO;    bucket(5, bin), bucket(5, dt), bucket(5, ts), bucket(5, tz)",
      "PARQUET; truncate(10, i), truncate(100, l), truncate(3, amount), truncate(2, s), truncate(1, bin)",
      "AVRO;    year(dt), month(ts), day(tz)",
      "PARQUET; hour(ts), month(tz), day(dt)",
      "AVRO;    year(tz), day(ts), month(dt)",
      "PARQUET; hour(tz), year(ts)",
      "AVRO;    b, r, d, amount, dt, ts, tz, bin",
      "PARQUET; i, l, s, b"})
  void filesHoldThePartitionIcebergComputesForEachRow(String format, String partitioning) throws SQLException {
    String name = "t" + Math.abs((format + partitioning).hashCode());
    assertThat(statement.executeUpdate("CREATE TABLE " + name + " PARTITIONED BY (" + partitioning + ") STORED AS "
        + format + " AS SELECT * FROM src")).isEqualTo(8);

    Table table = IcebergFiles.table(warehouse, name);
    assertThat(table.spec().fields()).hasSize(partitioning.split(",(?![^(]*\\))").length);
    List<DataFile> files = IcebergFiles.files(table);
    assertThat(files).allSatisfy(file -> assertThat(file.format().name()).isEqualTo(format));
    assertThat(files.stream().mapToLong(DataFile::recordCount).sum()).isEqualTo(8);
    IcebergFiles.assertEachFileHoldsItsPartition(table);
    String summary = "SELECT COUNT(*), COUNT(b), SUM(i), MIN(l), MAX(l), CAST(SUM(amount) AS VARCHAR), MIN(s), MAX(s),"
        + " CAST(MIN(dt) AS VARCHAR), CAST(MAX(ts) AS VARCHAR), CAST(MIN(tz) AS VARCHAR), SUM(d), SUM(r) FROM ";
    assertThat(ResultRows.of(statement, summary + name)).isEqualTo(ResultRows.of(statement, summary + "src"));
  }
}
