package io.faisca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.sql.TestWarehouse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM (what a service manager sends, and Ctrl-C's SIGINT likewise) while
 * clients are connected: one in the middle of reading a result, one waiting
 * on a query that runs in Spark. The server stops in order and exits.
 */
class ServerShutdownTest {
  /** Twelve copies of t's six rows: 6^12 combinations, a query that runs far longer than this test. */
  private static final String ENDLESS = "SELECT COUNT(*) FROM t t1, t t2, t t3, t t4, t t5, t t6, t t7, t t8, t t9,"
      + " t t10, t t11, t t12";

  @Test void sigtermWithClientsConnectedExitsCleanly() throws Exception {
    ServerProcess server = ServerProcess.start("1g", "--warehouse", TestWarehouse.path().toString());
    Connection reader = DriverManager.getConnection(server.jdbcUrl("protobuf"));
    Connection waiter = DriverManager.getConnection(server.jdbcUrl("protobuf"));
    try {
      Statement reading = reader.createStatement();
      reading.setFetchSize(2);
      ResultSet rows = reading.executeQuery("SELECT id FROM t ORDER BY id");
      assertThat(rows.next()).isTrue();
      CompletableFuture<Object> endless = CompletableFuture.supplyAsync(() -> runAndReturnError(waiter));
      awaitSparkJob(server);

      int exitCode = server.stop();

      String log = Files.readString(server.log());
      assertThat(exitCode).as("exit code; log:%n%s", log).isZero();
      assertThat(endless.get(30, TimeUnit.SECONDS)).as("the waiting client's outcome")
          .isInstanceOf(SQLException.class);
      assertThat(log).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(log).contains("Faísca stopped (SIGTERM)");
    } finally {
      server.close();
      closeQuietly(reader);
      closeQuietly(waiter);
    }
  }

  /** Closing tells the server, which is gone by now: that error is expected. */
  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      // The server stopped first.
    }
  }

  private static Object runAndReturnError(Connection connection) {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(ENDLESS)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException | RuntimeException e) {
      return e;
    }
  }

  private static void awaitSparkJob(ServerProcess server) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (server.status().activeSparkJobs() == 0) {
      assertThat(System.nanoTime()).as("a Spark job running within 60 s").isLessThan(deadline);
      Thread.sleep(200);
    }
  }
}
