package io.faisca.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.server.ServerProcess;
import io.faisca.server.ServerState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sixteen clients at once on one server, each on its own connection, between
 * them running all 22 TPC-H queries: under concurrency no answer may be lost,
 * mixed up with another statement's, or cut short, and the server must be
 * left with no connection and no query once they have gone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TpchRemoteConcurrencyTest {
  private static final int CLIENTS = 16;
  private static final int QUERIES_PER_CLIENT = 2;

  private ServerProcess server;

  @BeforeAll
  void start() {
    server = ServerProcess.start("2g", "--warehouse", TpchTestData.warehouse().toString(),
        "--max-running-queries", String.valueOf(CLIENTS));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void sixteenClientsAtOnce() throws Exception {
    List<List<String>> work = work();
    for (String query : TpchQueries.names()) {
      TpchAnswers.duckDb(query); // before the clients start, so that they wait only on the server
    }
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      CountDownLatch connected = new CountDownLatch(CLIENTS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<Throwable>>> clients = new ArrayList<>();
      for (int client = 0; client < CLIENTS; client++) {
        int id = client;
        clients.add(pool.submit(() -> runClient(id, work.get(id), connected, go)));
      }
      assertThat(connected.await(2, TimeUnit.MINUTES)).as("all clients connected").isTrue();
      go.countDown();
      int mostRunning = mostRunningUntilDone(clients);
      List<Throwable> failures = new ArrayList<>();
      for (Future<List<Throwable>> client : clients) {
        failures.addAll(client.get(10, TimeUnit.SECONDS));
      }
      assertNoFailures(failures);
      assertThat(mostRunning).as("queries seen running at once on the server").isGreaterThan(1);
    } finally {
      pool.shutdownNow();
    }
    ServerState idle = awaitIdle();
    assertThat(idle.connections()).as("connections left open").isZero();
    assertThat(idle.runningQueries()).as("queries left running").isZero();
  }

  /** Client i runs queries 2i and 2i+1 (modulo 22): clients 0 to 10 cover all 22, 11 to 15 repeat some. */
  private static List<List<String>> work() {
    List<String> queries = TpchQueries.names();
    List<List<String>> work = new ArrayList<>();
    for (int client = 0; client < CLIENTS; client++) {
      List<String> mine = new ArrayList<>();
      for (int k = 0; k < QUERIES_PER_CLIENT; k++) {
        mine.add(queries.get((client * QUERIES_PER_CLIENT + k) % queries.size()));
      }
      work.add(mine);
    }
    assertThat(work.stream().flatMap(List::stream).distinct()).as("queries covered").hasSize(queries.size());
    return work;
  }

  /** One client: connects, waits for the others, runs its queries; returns its failures, each naming it. */
  private List<Throwable> runClient(int id, List<String> queries, CountDownLatch connected, CountDownLatch go)
      throws Exception {
    List<Throwable> failures = new ArrayList<>();
    Connection connection;
    try {
      connection = DriverManager.getConnection(server.jdbcUrl("protobuf"));
    } catch (SQLException e) {
      failures.add(new AssertionError("client " + id + " cannot connect: " + e, e));
      return failures;
    } finally {
      connected.countDown();
    }
    try (connection) {
      go.await();
      for (String query : queries) {
        String who = "client " + id + " " + query;
        try {
          AnswerComparison.assertSameAnswer(who, QueryResult.read(connection, TpchQueries.text(query)),
              TpchAnswers.duckDb(query));
        } catch (SQLException | RuntimeException | AssertionError e) {
          failures.add(new AssertionError(who + ": " + e, e));
        }
      }
    }
    return failures;
  }

  private static void assertNoFailures(List<Throwable> failures) {
    if (!failures.isEmpty()) {
      StringBuilder message = new StringBuilder(failures.size() + " of the clients' queries failed:");
      failures.forEach(failure -> message.append("\n  ").append(failure.getMessage()));
      AssertionError error = new AssertionError(message);
      failures.forEach(error::addSuppressed);
      throw error;
    }
  }

  /** Samples the server's running queries while the clients work, so the test knows they did overlap. */
  private int mostRunningUntilDone(List<Future<List<Throwable>>> clients) throws InterruptedException {
    int most = 0;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!clients.stream().allMatch(Future::isDone) && System.nanoTime() < deadline) {
      most = Math.max(most, server.status().runningQueries());
      Thread.sleep(50);
    }
    return most;
  }

  /** The server's state once the clients' closing requests have been handled (they can trail the client a little). */
  private ServerState awaitIdle() throws InterruptedException {
    ServerState state = server.status();
    for (int attempt = 0; attempt < 50 && (state.connections() > 0 || state.runningQueries() > 0); attempt++) {
      Thread.sleep(100);
      state = server.status();
    }
    return state;
  }
}
