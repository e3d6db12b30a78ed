package io.faisca.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.catalog.LocalFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The eight TPC-H tables loaded as managed Iceberg tables by the loader
 * {@code faisca tpch-gen --format iceberg} uses, their raw files then removed:
 * the 22 queries over the Iceberg tables give DuckDB's answers over the raw files.
 */
class TpchIcebergTest {
  private static final Path WAREHOUSE = Path.of(System.getProperty("faisca.test.tmp", "target"), "tpch-iceberg")
      .toAbsolutePath();

  static List<String> queries() {
    return TpchQueries.names();
  }

  @BeforeAll static void loadTables() throws Exception {
    LocalFiles.deleteRecursively(WAREHOUSE);
    for (String table : TpchIcebergLoader.TABLES) {
      copy(TpchTestData.warehouse().resolve(table), WAREHOUSE.resolve(table));
    }
    List<TpchIcebergLoader.LoadedTable> loaded;
    try (Connection connection = DriverManager.getConnection(url())) {
      loaded = new TpchIcebergLoader(WAREHOUSE.toString(), new Configuration()).load(connection, table -> { });
    }
    assertThat(loaded).extracting(TpchIcebergLoader.LoadedTable::name)
        .containsExactlyElementsOf(TpchIcebergLoader.TABLES);
    assertThat(loaded).allSatisfy(table -> assertThat(table.rows()).as(table.name()).isPositive());
    assertThat(TpchIcebergLoader.TABLES).noneMatch(table -> Files.exists(WAREHOUSE.resolve(table)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void answerOverIcebergTablesEqualsDuckDb(String query) throws Exception {
    QueryResult answer;
    try (Connection connection = DriverManager.getConnection(url())) {
      answer = QueryResult.read(connection, TpchQueries.text(query));
    }
    AnswerComparison.assertSameAnswer(query, answer, TpchAnswers.duckDb(query));
  }

  private static String url() {
    return TpchIcebergLoader.url(WAREHOUSE.toString(), "local[2]");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

}
