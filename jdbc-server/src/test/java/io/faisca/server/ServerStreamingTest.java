package io.faisca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.sql.TestWarehouse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Ten million rows stream through a server with a 1 GB heap: frames of the
 * client's fetch size, one Spark partition at a time, never the whole result.
 */
class ServerStreamingTest {
  private static final long ROWS = 10_000_000L;

  @Test void tenMillionRowsStreamThroughASmallHeap() throws Exception {
    AtomicLong peakHeap = new AtomicLong();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    try (ServerProcess server = ServerProcess.start("1g", "--warehouse", TestWarehouse.path().toString());
        Connection connection = DriverManager.getConnection(server.jdbcUrl("protobuf"));
        Statement statement = connection.createStatement()) {
      long heapMax = server.status().heapMaxBytes();
      sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(server.status().heapUsedBytes(), Math::max),
          0, 200, TimeUnit.MILLISECONDS);
      // One Spark partition per file of seq: the server holds at most one partition's rows at a time.
      statement.execute("SET spark.sql.files.minPartitionNum = 20");
      statement.setFetchSize(10_000);
      long count = 0;
      long sum = 0;
      try (ResultSet rows = statement.executeQuery("SELECT a.i * 10000 + b.i AS n FROM seq a, seq b WHERE b.i < 1000")) {
        while (rows.next()) {
          count++;
          sum += rows.getLong(1);
        }
      }
      sampler.shutdownNow();
      assertThat(count).isEqualTo(ROWS);
      // Every n = a * 10000 + b for a < 10000, b < 1000, once.
      long expectedSum = 1000L * (9999L * 10000L / 2) * 10000L + 10000L * (999L * 1000L / 2);
      assertThat(sum).isEqualTo(expectedSum);
      assertThat(peakHeap.get()).as("peak heap of %s bytes", heapMax).isLessThan(heapMax * 3 / 4);
      assertThat(server.status().runningQueries()).isZero();
    } finally {
      sampler.shutdownNow();
    }
  }
}
