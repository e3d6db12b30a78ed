package io.faisca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code faisca run} on the embedded engine: a script's statements, results as CSV, the first error. */
class RunCommandTest {
  private static final Path TMP = Path.of(System.getProperty("faisca.test.tmp", "target"));

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test void createsFillsAndQueriesATable() throws Exception {
    Path warehouse = Files.createTempDirectory(TMP, "run-warehouse");
    Path script = script("""
        -- a table; its rows; two queries
        CREATE TABLE notes (id INT, note VARCHAR);
        INSERT INTO notes VALUES (1, 'semi;colon'), (2, 'a "quote", a comma'), (3, NULL), (4, '');
        /* a comment; with a semicolon */ SELECT id, note
          FROM notes
         ORDER BY id;
        SELECT COUNT(*) AS n FROM notes WHERE note LIKE '%;%'
        """);
    int status = run("--warehouse", warehouse.toString(), "--master", "local[2]", script.toString());
    assertThat(status).as(err()).isZero();
    assertThat(out()).isEqualTo("""
        id,note
        1,semi;colon
        2,"a ""quote"", a comma"
        3,
        4,""

        n
        1

        """);
    assertThat(err()).contains("line 2: done", "line 3: done, 4 rows", "line 4: 4 rows", "line 7: 1 rows");
  }

  @Test void writesEachQuerysRowsToAFileNamedByItsLine() throws Exception {
    Path warehouse = Files.createTempDirectory(TMP, "run-warehouse");
    Path output = TMP.resolve("run-output-" + System.nanoTime());
    Path script = script("SELECT 1 AS one;\n\nSELECT 'x' AS letter, 2 AS two;\n");
    assertThat(run("--warehouse", warehouse.toString(), "--master", "local[2]", "--output", output.toString(),
        script.toString())).as(err()).isZero();
    assertThat(output.resolve("line-1.csv")).content().isEqualTo("one\n1\n");
    assertThat(output.resolve("line-3.csv")).content().isEqualTo("letter,two\nx,2\n");
    assertThat(out()).isEmpty();
  }

  @Test void stopsAtTheFirstFailingStatementNamingItsLine() throws Exception {
    Path warehouse = Files.createTempDirectory(TMP, "run-warehouse");
    Path script = script("""
        CREATE TABLE t (x INT);
        INSERT INTO t VALUES (1);

        SELECT no_such_column
          FROM t;
        INSERT INTO t VALUES (2);
        """);
    assertThat(run("--warehouse", warehouse.toString(), "--master", "local[2]", script.toString())).isEqualTo(1);
    assertThat(err()).contains(script + ":4: 42S22 Column 'no_such_column' not found");
    out.reset();
    Path count = script("SELECT COUNT(*) AS n FROM t");
    assertThat(run("--warehouse", warehouse.toString(), "--master", "local[2]", count.toString())).isZero();
    assertThat(out()).isEqualTo("n\n1\n\n");
  }

  @Test void badArgumentsAreExitStatus2() throws Exception {
    assertThat(run("--output")).isEqualTo(2);
    assertThat(run("--warehouse", "w")).isEqualTo(2);
    assertThat(err()).contains("No script given", "Usage: faisca run");
    assertThat(run(TMP.resolve("no-such-script.sql").toString())).isEqualTo(2);
    assertThat(err()).contains("cannot read");
  }

  private int run(String... args) {
    return RunCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static Path script(String text) throws Exception {
    Path file = Files.createTempFile(TMP, "script", ".sql");
    Files.writeString(file, text);
    return file;
  }
}
