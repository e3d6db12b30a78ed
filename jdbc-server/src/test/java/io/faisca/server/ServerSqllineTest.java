package io.faisca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.cli.SqlCommand;
import io.faisca.sql.TestWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sqlline shell against a server, run as {@code bin/faisca sql --url URL -f script.sql}
 * runs it: {@link SqlCommand} in its own JVM, the script as standard input, no terminal.
 */
class ServerSqllineTest {
  private static final String SCRIPT = """
      SELECT id, s FROM t WHERE id <= 2 ORDER BY id;
      SELECT region, SUM(amount) AS total FROM sales GROUP BY region ORDER BY region;
      !tables
      """;

  @Test void scriptRunsAgainstAServer() throws Exception {
    Path dir = ChildJvm.outputDirectory("sqlline");
    Files.createDirectories(dir);
    Path script = Files.writeString(dir.resolve("script.sql"), SCRIPT);
    Path output = dir.resolve("output.txt");
    try (ServerProcess server = ServerProcess.start("1g", "--warehouse", TestWarehouse.path().toString())) {
      // bin/faisca adds the dumb-terminal flag when standard input is not a terminal.
      List<String> command = ChildJvm.command("256m", List.of("-Dorg.jline.terminal.dumb=true"), SqlCommand.class,
          List.of("--url", server.jdbcUrl("protobuf")));
      Process sqlline = new ProcessBuilder(command).redirectInput(script.toFile()).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      if (!sqlline.waitFor(2, TimeUnit.MINUTES)) {
        sqlline.destroyForcibly();
      }
      String out = Files.readString(output);

      assertThat(sqlline.isAlive()).as("sqlline still running; output:%n%s", out).isFalse();
      assertThat(sqlline.exitValue()).as(out).isZero();
      assertThat(out)
          .containsPattern("\\|\\s*1\\s*\\|\\s*apple\\s*\\|")
          .containsPattern("\\|\\s*2\\s*\\|\\s*Banana\\s*\\|")
          .contains("2 rows selected")
          .containsPattern("\\|\\s*east\\s*\\|\\s*30\\.50\\s*\\|")
          .containsPattern("\\|\\s*north\\s*\\|\\s*100\\.00\\s*\\|")
          .containsPattern("\\|\\s*west\\s*\\|\\s*13\\.00\\s*\\|")
          .contains("3 rows selected")
          .doesNotContain("Error");
      for (String table : List.of("big", "e", "n", "sales", "t", "u")) {
        assertThat(out).containsPattern("\\|\\s*default\\s*\\|\\s*" + table + "\\s*\\|\\s*TABLE\\s*\\|");
      }
    }
  }
}
