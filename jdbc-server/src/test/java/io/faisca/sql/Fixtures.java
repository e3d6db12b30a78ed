package io.faisca.sql;

import io.faisca.catalog.LocalFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * The tables SQL scripts run against: written as Parquet by DuckDB from
 * {@code sql/fixtures.sql}, once per build, into {@code target/sql-warehouse}.
 * DuckDB then reads the same files as the oracle that completes scripts.
 */
final class Fixtures {
  private static final Path WAREHOUSE = Path.of(System.getProperty("faisca.test.tmp", "target"), "sql-warehouse")
      .toAbsolutePath();
  private static final Path SCRIPT = Path.of("src/test/resources/sql/fixtures.sql");

  private Fixtures() {
  }

  static synchronized Path warehouse() {
    Path done = WAREHOUSE.resolve("_fixtures_written");
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      String script = Files.readString(SCRIPT).replace("${warehouse}", WAREHOUSE.toString());
      // Written once per build, and again when the script changed.
      String version = Integer.toHexString(script.hashCode());
      if (Files.exists(done) && Files.readString(done).equals(version)) {
        return WAREHOUSE;
      }
      LocalFiles.deleteRecursively(WAREHOUSE);
      Files.createDirectories(WAREHOUSE);
      for (String sql : script.split(";\\s*\\n")) {
        String stripped = sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
        if (!stripped.isBlank()) {
          if (stripped.contains("COPY ")) {
            createDirectoryFor(stripped);
          }
          statement.execute(stripped);
        }
      }
      Files.writeString(done, version);
      return WAREHOUSE;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot write the SQL test fixtures: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }


  private static boolean holdsParquet(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".parquet"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** DuckDB's COPY writes a file, not its directory. */
  private static void createDirectoryFor(String copy) throws IOException {
    int start = copy.indexOf('\'', copy.indexOf(" TO "));
    int end = copy.indexOf('\'', start + 1);
    Path target = Path.of(copy.substring(start + 1, end));
    Files.createDirectories(copy.contains("PARTITION_BY") ? target : target.getParent());
  }

  /** DuckDB with a view per fixture table, over the same files. */
  static Connection oracle() throws SQLException, IOException {
    Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
    try (Stream<Path> tables = Files.list(warehouse())) {
      for (Path table : tables.filter(Fixtures::holdsParquet).toList()) {
        try (Statement statement = duckdb.createStatement()) {
          statement.execute("CREATE VIEW \"" + table.getFileName() + "\" AS SELECT * FROM read_parquet('"
              + table + "/**/*.parquet', hive_partitioning = true)");
        } catch (SQLException e) {
          // The corrupt fixture is there to fail; the oracle does without it.
        }
      }
    }
    return duckdb;
  }
}
