package io.faisca.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SQLite's sqllogictest corpus (from Maven, {@code net.hydromatic:sql-logic-test}) through the
 * embedded JDBC driver, answering to {@code postgresql} in {@code skipif}/{@code onlyif}.
 *
 * <p>{@code -Dfaisca.slt.files=GLOB[@N],...} chooses the files (globs under {@code test/}), with
 * {@code @N} running every statement and only every Nth query of them; the default is the selection
 * CI runs, {@code broad} the one run by hand ({@link #BROAD_SELECTION}). Every failing record must
 * be listed in {@code known-failures.txt}: a new failure fails the test, and so does a listed one
 * that now passes (take it off the list). The pass rate of each file, and every failure, are written
 * to {@code target/sqllogictest/report.md}; {@code -Dfaisca.slt.report-only=true} only writes the
 * report. The {@code sqllogictest} Maven profile runs the broad selection that way.
 */
class SqlLogicTest {
  /** Queries take a fraction of a second each (Spark jobs): CI samples the longer file. */
  static final String CI_SELECTION = "evidence/*.test,select1.test@20";
  /**
   * {@code -Dfaisca.slt.files=broad}: every family of the corpus, sampled to run in about an hour and a
   * half. index/delete is left out: each of its files deletes row by row, thousands of commits.
   */
  static final String BROAD_SELECTION = String.join(",", "select1.test@20", "select2.test@20",
      "select3.test@20", "select4.test@20", "select5.test@20", "evidence/*.test", "random/*/*.test@2000",
      "index/between/*/*.test@500", "index/commute/*/*.test@500", "index/in/*/*.test@500",
      "index/orderby/*/*.test@500", "index/orderby_nosort/*/*.test@500", "index/random/*/*.test@500",
      "index/view/*/*.test@500");
  private static final Path KNOWN_FAILURES = Path.of("src/test/resources/sqllogictest/known-failures.txt");
  private static final Path REPORT = Path.of("target/sqllogictest/report.md");

  @Test void corpusAnswersAsSqlite() throws Exception {
    String files = System.getProperty("faisca.slt.files", CI_SELECTION);
    List<String> selection = List.of((files.equals("broad") ? BROAD_SELECTION : files).split(","));
    Path warehouse = Files.createTempDirectory(Path.of("target"), "slt-warehouse");
    List<SltResult> results = new ArrayList<>();
    Set<String> ran = new TreeSet<>();
    try (FileSystem corpus = corpus();
        Connection connection = DriverManager.getConnection("jdbc:faisca:warehouse=" + warehouse
            + ";master=local[2]")) {
      SltRunner runner = new SltRunner(connection, 300);
      for (String entry : selection) {
        String[] globAndSample = entry.strip().split("@");
        int every = globAndSample.length > 1 ? Integer.parseInt(globAndSample[1]) : 1;
        for (Path file : files(corpus, globAndSample[0])) {
          String name = corpus.getPath("/test").relativize(file).toString();
          SltScript script = SltScript.parse(name, Files.readString(file, StandardCharsets.UTF_8))
              .everyNthQuery(every);
          script.records().forEach(record -> ran.add(name + ":" + record.line()));
          results.add(runner.run(script));
          dropEverything(connection);
          // Written after each file: a broad run takes hours, and its report is read while it runs.
          SltReport.write(REPORT, results);
        }
      }
    }
    if (Boolean.getBoolean("faisca.slt.report-only")) {
      return;
    }
    Set<String> failing = results.stream().flatMap(r -> r.failures().stream()).map(SltResult.Failure::key)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> known = knownFailures().stream().filter(ran::contains)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(failing).as("failing records (see %s)", REPORT.toAbsolutePath()).isEqualTo(known);
  }

  private static List<String> knownFailures() throws IOException {
    return Files.readAllLines(KNOWN_FAILURES).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.split("\\s+")[0])
        .toList();
  }

  /** The corpus jar, opened as a file system. */
  private static FileSystem corpus() throws IOException, URISyntaxException {
    URI select1 = SqlLogicTest.class.getClassLoader().getResource("test/select1.test").toURI();
    return FileSystems.newFileSystem(URI.create(select1.toString().substring(0, select1.toString().indexOf('!'))),
        Map.of());
  }

  private static List<Path> files(FileSystem corpus, String glob) throws IOException {
    PathMatcher matcher = corpus.getPathMatcher("glob:/test/" + glob);
    try (Stream<Path> all = Files.walk(corpus.getPath("/test"))) {
      return all.filter(path -> path.toString().endsWith(".test"))
          .filter(matcher::matches)
          .sorted()
          .toList();
    }
  }

  /** Each script starts from an empty default schema, as it would from a new database. */
  private static void dropEverything(Connection connection) throws SQLException {
    List<String> drops = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet tables = statement.executeQuery("SHOW TABLES")) {
      while (tables.next()) {
        String kind = tables.getString("table_type");
        drops.add((kind.equals("VIEW") ? "DROP VIEW \"" : "DROP TABLE \"") + tables.getString("table_name") + "\"");
      }
    }
    drops.sort((a, b) -> Boolean.compare(a.startsWith("DROP TABLE"), b.startsWith("DROP TABLE")));
    try (Statement statement = connection.createStatement()) {
      for (String drop : drops) {
        statement.execute(drop);
      }
    }
  }
}
