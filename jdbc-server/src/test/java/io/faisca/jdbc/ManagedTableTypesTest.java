package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every SQL type a managed table stores, at its edges, written to a Parquet
 * and to an Avro table and read back by Faísca, by Iceberg's own reader, and
 * by a reader that knows neither: DuckDB for Parquet files, Apache Avro's
 * own reader for Avro files. Each reader's values are brought to Iceberg's
 * Java representation and compared with the same expected rows.
 */
class ManagedTableTypesTest {
  private static final String COLUMNS = "k INTEGER NOT NULL, b BOOLEAN, ti TINYINT, si SMALLINT, i INTEGER, l BIGINT,"
      + " r REAL, d DOUBLE, d380 DECIMAL(38, 0), d3838 DECIMAL(38, 38), d182 DECIMAL(18, 2), v VARCHAR,"
      + " vb VARBINARY, dt DATE, ts TIMESTAMP, tz TIMESTAMP WITH LOCAL TIME ZONE";
  private static final List<List<Object>> EXPECTED = List.of(
      Arrays.asList(1, true, 127, 32767, Integer.MAX_VALUE, Long.MAX_VALUE, Float.MAX_VALUE, Double.MAX_VALUE,
          new BigDecimal("99999999999999999999999999999999999999"),
          new BigDecimal("0.99999999999999999999999999999999999999"), new BigDecimal("9999999999999999.99"),
          "héllo wörld", bytes("00FF7F80"), LocalDate.of(1969, 7, 20),
          LocalDateTime.parse("1969-12-31T23:59:59.999999"), utc("2038-01-19T03:14:08.000001")),
      Arrays.asList(2, false, -128, -32768, Integer.MIN_VALUE, Long.MIN_VALUE, -1.5f, -2.5E-300,
          new BigDecimal("-99999999999999999999999999999999999999"),
          new BigDecimal("-0.00000000000000000000000000000000000001"), new BigDecimal("-0.01"),
          "", bytes(""), LocalDate.of(1, 1, 1), LocalDateTime.parse("0001-01-01T00:00:00"),
          utc("1900-01-01T00:00:00.000001")),
      Arrays.asList(3, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
      Arrays.asList(4, false, 0, 0, 0, 0L, 0.0f, 0.0, new BigDecimal("0"),
          new BigDecimal("0E-38"), new BigDecimal("0.00"), " spaced ", bytes("01"), LocalDate.of(2100, 2, 28),
          LocalDateTime.parse("9999-12-31T23:59:59.999999"), utc("2262-04-11T23:47:16.854775")));

  private Path warehouse;
  private Connection connection;
  private Statement statement;

  @BeforeEach void open(@org.junit.jupiter.api.io.TempDir Path directory) throws SQLException {
    warehouse = directory;
    connection = DriverManager.getConnection("jdbc:faisca:warehouse=" + warehouse + ";master=local[2]");
    statement = connection.createStatement();
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PARQUET", "AVRO"})
  void everyTypeReadsBackAsWrittenEverywhere(String format) throws Exception {
    statement.executeUpdate("CREATE TABLE t (" + COLUMNS + ") STORED AS " + format);
    assertThat(ResultRows.of(statement, "SELECT COUNT(*), MAX(ts) FROM t")).containsExactly("0|null");
    assertThat(statement.executeUpdate("INSERT INTO t VALUES"
        + " (1, TRUE, 127, 32767, 2147483647, 9223372036854775807, CAST(3.4028234663852886E38 AS REAL),"
        + "  1.7976931348623157E308, 99999999999999999999999999999999999999,"
        + "  0.99999999999999999999999999999999999999, 9999999999999999.99, 'héllo wörld', X'00FF7F80',"
        + "  DATE '1969-07-20', TIMESTAMP '1969-12-31 23:59:59.999999', TIMESTAMP '2038-01-19 03:14:08.000001'),"
        + " (2, FALSE, -128, -32768, -2147483648, -9223372036854775808, -1.5, -2.5E-300,"
        + "  -99999999999999999999999999999999999999, -0.00000000000000000000000000000000000001, -0.01, '', X'',"
        + "  DATE '0001-01-01', TIMESTAMP '0001-01-01 00:00:00', TIMESTAMP '1900-01-01 00:00:00.000001'),"
        + " (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
        + " (4, FALSE, 0, 0, 0, 0, 0.0, 0.0, 0, CAST(0 AS DECIMAL(38, 38)), 0.00, ' spaced ', X'01', DATE '2100-02-28',"
        + "  TIMESTAMP '9999-12-31 23:59:59.999999', TIMESTAMP '2262-04-11 23:47:16.854775')")).isEqualTo(4);

    Table table = IcebergFiles.table(warehouse, "t");
    List<DataFile> files = IcebergFiles.files(table);
    assertThat(files).isNotEmpty().allSatisfy(file -> assertThat(file.format().name()).isEqualTo(format));
    assertThat(faisca()).as("Faísca").containsExactlyElementsOf(EXPECTED);
    assertThat(iceberg(table)).as("Iceberg").containsExactlyElementsOf(EXPECTED);
    assertThat(format.equals("AVRO") ? avro(files) : duckdb(files)).as("the files").containsExactlyElementsOf(EXPECTED);
  }

  /** Through JDBC, timestamps as text (Avatica carries milliseconds only), dates as text (no calendar shift). */
  private List<List<Object>> faisca() throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery("SELECT k, b, ti, si, i, l, r, d, d380, d3838, d182, v, vb,"
        + " CAST(dt AS VARCHAR), CAST(ts AS VARCHAR), CAST(tz AS VARCHAR) FROM t ORDER BY k")) {
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
          row.add(result.getObject(i));
        }
        row.add(result.getBytes(13) == null ? null : ByteBuffer.wrap(result.getBytes(13)));
        row.add(result.getString(14) == null ? null : LocalDate.parse(result.getString(14)));
        row.add(result.getString(15) == null ? null : LocalDateTime.parse(result.getString(15).replace(' ', 'T')));
        row.add(result.getString(16) == null ? null : utc(result.getString(16).replace(' ', 'T')));
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<List<Object>> iceberg(Table table) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record record : records) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
          row.add(record.get(i));
        }
        rows.add(row);
      }
    }
    return sorted(rows);
  }

  private static List<List<Object>> duckdb(List<DataFile> files) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement query = duckdb.createStatement();
        ResultSet result = query.executeQuery("SELECT * FROM read_parquet(" + paths(files) + ") ORDER BY k")) {
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
          row.add(result.getObject(i));
        }
        row.add(result.getBytes(13) == null ? null : ByteBuffer.wrap(result.getBytes(13)));
        row.add(result.getObject(14, LocalDate.class));
        row.add(result.getObject(15, LocalDateTime.class));
        OffsetDateTime tz = result.getObject(16, OffsetDateTime.class);
        row.add(tz == null ? null : tz.withOffsetSameInstant(ZoneOffset.UTC));
        rows.add(row);
      }
    }
    return rows;
  }

  /** Apache Avro's own reader, with its logical types: decimals, dates and microsecond instants. */
  private static List<List<Object>> avro(List<DataFile> files) throws IOException {
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new Conversions.DecimalConversion());
    model.addLogicalTypeConversion(new TimeConversions.DateConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    List<List<Object>> rows = new ArrayList<>();
    for (DataFile file : files) {
      File local = new File(new org.apache.hadoop.fs.Path(file.location()).toUri().getPath());
      try (DataFileReader<GenericRecord> reader = new DataFileReader<>(local,
          new GenericDatumReader<GenericRecord>(null, null, model))) {
        for (GenericRecord record : reader) {
          List<Object> row = new ArrayList<>();
          for (int i = 0; i < record.getSchema().getFields().size(); i++) {
            Object value = record.get(i);
            row.add(value instanceof org.apache.avro.util.Utf8 text ? text.toString() : value);
          }
          // A TIMESTAMP is stored as Iceberg's timestamp-micros without adjustment to UTC: a wall-clock time.
          row.set(14, row.get(14) == null ? null : LocalDateTime.ofInstant((Instant) row.get(14), ZoneOffset.UTC));
          row.set(15, row.get(15) == null ? null : ((Instant) row.get(15)).atOffset(ZoneOffset.UTC));
          rows.add(row);
        }
      }
    }
    return sorted(rows);
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    return rows.stream().sorted(Comparator.comparing(row -> (Integer) row.get(0))).toList();
  }

  private static String paths(List<DataFile> files) {
    return files.stream().map(f -> "'" + new org.apache.hadoop.fs.Path(f.location()).toUri().getPath() + "'")
        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  private static ByteBuffer bytes(String hex) {
    return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
  }

  private static OffsetDateTime utc(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atOffset(ZoneOffset.UTC);
  }
}
