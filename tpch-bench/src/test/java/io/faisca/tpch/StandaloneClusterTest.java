package io.faisca.tpch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.catalog.LocalFiles;
import io.faisca.cli.ClusterCommand;
import io.faisca.cli.RunCommand;
import io.faisca.cluster.StandaloneCluster;
import io.faisca.hdfs.MiniHdfs;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkContext;
import org.apache.spark.launcher.JavaModuleOptions;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faísca on a Spark standalone cluster: a Master and two Workers in JVMs of their own (started as
 * {@code faisca cluster start} starts them), each Worker's executor a further JVM, the TPC-H tables on
 * HDFS. Every stage runs on the executors, with Faísca's classes shipped to them by the driver (this
 * JVM). Runs in a JVM of its own (the {@code spark-cluster} tag): Spark allows one master per JVM.
 */
@Tag("spark-cluster")
class StandaloneClusterTest {
  private static final Path DIR = Path.of(System.getProperty("faisca.test.tmp", "target"), "spark-cluster")
      .toAbsolutePath();
  private static StandaloneCluster cluster;
  private static String warehouse;

  @BeforeAll static void startClusterAndLoadHdfs() throws Exception {
    StandaloneCluster.stop(DIR);
    // Two cores a Worker: this JVM's application takes one of each, leaving room for a spark-submit one.
    cluster = StandaloneCluster.start(new StandaloneCluster.Options(DIR, 2, 2, "2g", freePort(), freePort()),
        sparkDistribution(), ClusterCommand.sparkJvmFlags());
    warehouse = MiniHdfs.newDirectory("tpch");
    FileSystem hdfs = MiniHdfs.fileSystem();
    try (Stream<Path> tables = Files.list(TpchTestData.warehouse())) {
      for (Path table : tables.filter(Files::isDirectory).toList()) {
        hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(table.toUri()),
            new org.apache.hadoop.fs.Path(warehouse + "/" + table.getFileName()));
      }
    }
    // The first connection starts this JVM's Spark application, with the cores it may take.
    DriverManager.getConnection(url()).close();
  }

  @AfterAll static void stopCluster() throws IOException {
    if (cluster != null) {
      cluster.stop();
    }
  }

  /**
   * CI runs eight queries that between them have every operator of the 22 (joins of every kind, grouping,
   * sub-queries, sorting, limits); {@code -Dfaisca.cluster.tpch=all} runs all 22.
   */
  static List<String> queries() {
    return System.getProperty("faisca.cluster.tpch", "").equals("all") ? TpchQueries.names()
        : List.of("q01", "q02", "q09", "q13", "q16", "q18", "q21", "q22");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void answerOnTheClusterEqualsDuckDb(String query) throws Exception {
    QueryResult answer;
    try (Connection connection = DriverManager.getConnection(url())) {
      answer = QueryResult.read(connection, TpchQueries.text(query));
    }
    AnswerComparison.assertSameAnswer(query, answer, TpchAnswers.duckDb(query));
    // Two executors, one per Worker, besides the driver: the stages ran on the cluster, not in this JVM.
    assertThat(SparkSession.active().sparkContext().master()).isEqualTo(cluster.masterUrl());
    assertThat(SparkSession.active().sparkContext().statusTracker().getExecutorInfos()).hasSize(3);
  }

  /**
   * An executor killed while a query runs: Spark runs the lost tasks again and recomputes the lost shuffle
   * output from lineage, and the answer is still DuckDB's. The Worker starts a new executor.
   */
  @Test void aQueryOutlivesAKilledExecutor() throws Exception {
    try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
      // One job per query, not one per adaptive stage: the stages after the kill need the lost output.
      statement.execute("SET spark.sql.adaptive.enabled = false");
      statement.execute("SET spark.sql.shuffle.partitions = 4");
      SparkContext context = SparkSession.active().sparkContext();
      awaitExecutors(context, 2);
      ExecutorLossListener loss = new ExecutorLossListener(
          id -> cluster.executor(context.applicationId(), id).destroyForcibly());
      context.addSparkListener(loss);
      try {
        QueryResult answer = QueryResult.read(connection, TpchQueries.text("q09"));
        long answeredAt = System.nanoTime();
        AnswerComparison.assertSameAnswer("q09", answer, TpchAnswers.duckDb("q09"));
        assertThat(loss.executorRemoved.await(30, TimeUnit.SECONDS)).as("executor removed").isTrue();
        assertThat(loss.highestStageAttempt.get()).as("a stage run again").isPositive();
        assertThat(loss.replacementAdded.await(120, TimeUnit.SECONDS)).as("a new executor").isTrue();
        awaitExecutors(context, 2);
        System.out.printf("executor killed: the query answered %d ms after the kill (%d tasks failed for it), "
            + "a new executor registered %d ms after it%n", (answeredAt - loss.killedAtNanos.get()) / 1_000_000,
            loss.tasksFailedByTheLoss.get(), (loss.replacementAddedAtNanos.get() - loss.killedAtNanos.get()) / 1_000_000);
      } finally {
        context.removeSparkListener(loss);
      }
    }
  }

  /**
   * An executor killed while a result streams to the client, one partition at a time: the partitions
   * still to come are computed again from lineage, and the client gets every row once.
   */
  @Test void aResultStreamingToTheClientOutlivesAKilledExecutor() throws Exception {
    long rows = 0;
    double revenue = 0;
    try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
      SparkContext context = SparkSession.active().sparkContext();
      awaitExecutors(context, 2);
      statement.setFetchSize(100);
      try (ResultSet result = statement.executeQuery("SELECT l_orderkey, l_linenumber, l_extendedprice "
          + "FROM lineitem ORDER BY l_orderkey, l_linenumber")) {
        long previousKey = -1;
        while (result.next()) {
          long key = result.getLong(1) * 10 + result.getInt(2);
          assertThat(key).as("row %d comes once, in order", rows).isGreaterThan(previousKey);
          previousKey = key;
          revenue += result.getDouble(3);
          if (++rows == 1000) {
            cluster.executors(context.applicationId()).get(0).destroyForcibly();
          }
        }
      }
      awaitExecutors(context, 2);
    }
    try (Connection duckDb = DuckDbOracle.open(TpchTestData.warehouse());
        ResultSet expected = duckDb.createStatement().executeQuery(
            "SELECT COUNT(*), SUM(l_extendedprice)::DOUBLE FROM lineitem")) {
      assertThat(expected.next()).isTrue();
      assertThat(rows).isEqualTo(expected.getLong(1));
      assertThat(revenue).isCloseTo(expected.getDouble(2), org.assertj.core.data.Offset.offset(0.01));
    }
  }

  /** Waits until {@code count} executors (besides the driver) have registered. */
  /**
   * Both Workers lost ({@code kill -9}), so no executor is left: a query waits for cores, and its
   * statement_timeout stops it with HYT00 while the engine keeps serving. Workers restarted, the waiting
   * application gets executors again and the next query runs on them.
   */
  @Test void aQueryWaitsForLostWorkersUntilItsTimeoutAndRunsOnceTheyAreRestarted() throws Exception {
    try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
      SparkContext context = SparkSession.active().sparkContext();
      killWorkers(context);
      statement.execute("SET statement_timeout = '5s'");
      long started = System.nanoTime();
      assertThatThrownBy(() -> statement.executeQuery(
          "SELECT l_returnflag, SUM(l_quantity) FROM lineitem GROUP BY l_returnflag"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("HYT00"))
          .hasMessageContaining("time limit of 5 s");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
      statement.execute("SET statement_timeout = 0");
      cluster.restartWorker(1);
      cluster.restartWorker(2);
      awaitExecutors(context, 2);
      AnswerComparison.assertSameAnswer("q06", QueryResult.read(connection, TpchQueries.text("q06")),
          TpchAnswers.duckDb("q06"));
    }
  }

  /**
   * A warehouse on the driver's local disk that the executors do not see (their Workers run with a file
   * system view of their own, where the directory is an empty mount): the query fails with an error that
   * names the file and says the executors cannot read it, and the engine keeps serving.
   */
  @Test void executorsThatCannotSeeTheWarehouseGiveAnErrorNamingTheFile() throws Exception {
    Path hidden = DIR.getParent().resolve("driver-only");
    Assumptions.assumeTrue(new ProcessBuilder("unshare", "--mount", "true").start().waitFor() == 0,
        "needs unshare --mount (mount namespaces) to hide a directory from the executors");
    Path warehouseOnTheDriver = hidden.resolve("warehouse");
    LocalFiles.deleteRecursively(hidden);
    Files.createDirectories(warehouseOnTheDriver.resolve("nation"));
    try (Stream<Path> files = Files.list(TpchTestData.warehouse().resolve("nation"))) {
      for (Path file : files.toList()) {
        Files.copy(file, warehouseOnTheDriver.resolve("nation").resolve(file.getFileName()));
      }
    }
    List<String> hiding = List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
        "mount -t tmpfs tmpfs \"$0\" && exec \"$@\"", hidden.toString());
    // The Workers stay so: they see HDFS, and every other test's tables are there.
    restartWorkers(SparkSession.active().sparkContext(), hiding);
    try (Connection connection = DriverManager.getConnection("jdbc:faisca:warehouse=" + warehouseOnTheDriver
        + ";master=" + cluster.masterUrl()); Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT SUM(n_nationkey), MAX(n_name) FROM nation"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("58030"))
          .hasMessageContaining(warehouseOnTheDriver.resolve("nation").toString())
          .hasMessageContaining("is on the driver's disk, but the executors cannot read it");
    }
    try (Connection connection = DriverManager.getConnection(url())) {
      AnswerComparison.assertSameAnswer("q06", QueryResult.read(connection, TpchQueries.text("q06")),
          TpchAnswers.duckDb("q06"));
    }
  }

  /**
   * Both Workers killed, then started again through {@code launcher}. Both go before either comes back: an
   * executor still starting on a Worker killed under it never learns of the loss, and stays.
   */
  private static void restartWorkers(SparkContext context, List<String> launcher) throws Exception {
    killWorkers(context);
    for (int i = 1; i <= 2; i++) {
      cluster.restartWorker(i, launcher);
    }
    awaitExecutors(context, 2);
  }

  private static void killWorkers(SparkContext context) throws Exception {
    awaitExecutors(context, 2);
    for (int i = 1; i <= 2; i++) {
      ProcessHandle worker = cluster.worker(i);
      worker.destroyForcibly();
      worker.onExit().get(30, TimeUnit.SECONDS);
    }
    awaitExecutors(context, 0);
  }

  private static void awaitExecutors(SparkContext context, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (context.statusTracker().getExecutorInfos().length != count + 1 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(context.statusTracker().getExecutorInfos()).hasSize(count + 1);
  }

  /** {@code faisca run}: a batch script that creates a table, fills it and queries it, on the cluster. */
  @Test void runsABatchScript() throws Exception {
    Path script = Files.createTempFile(DIR.getParent(), "batch", ".sql");
    Files.writeString(script, """
        CREATE TABLE priorities AS SELECT o_orderpriority AS priority, COUNT(*) AS orders
          FROM orders GROUP BY o_orderpriority;
        INSERT INTO priorities VALUES ('6-NONE', 0);
        SELECT priority, orders FROM priorities ORDER BY priority;
        """);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = RunCommand.run(new String[] {"--warehouse", warehouse, "--master", cluster.masterUrl(),
        "--spark-conf", "spark.cores.max=2", "--spark-conf", "spark.executor.cores=1", script.toString()}, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    assertThat(status).as(err.toString(UTF_8)).isZero();
    StringBuilder expected = new StringBuilder("priority,orders\n");
    try (Connection duckDb = DuckDbOracle.open(TpchTestData.warehouse());
        ResultSet rows = duckDb.createStatement().executeQuery(
            "SELECT o_orderpriority, COUNT(*) FROM orders GROUP BY o_orderpriority ORDER BY 1")) {
      while (rows.next()) {
        expected.append(rows.getString(1)).append(',').append(rows.getLong(2)).append('\n');
      }
    }
    expected.append("6-NONE,0\n\n");
    assertThat(out.toString(UTF_8)).isEqualTo(expected.toString());
  }

  /** A bucketed Avro table: executors run Faísca's bucket function and Spark's Avro writer. */
  @Test void createsAndReadsABucketedAvroTableOnHdfs() throws Exception {
    try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE orders_by_customer PARTITIONED BY (bucket(4, o_custkey)) STORED AS AVRO AS "
          + "SELECT o_orderkey, o_custkey, o_totalprice FROM orders");
      try (ResultSet copy = statement.executeQuery(
              "SELECT COUNT(*), SUM(o_custkey), SUM(o_totalprice) FROM orders_by_customer");
          ResultSet source = connection.createStatement().executeQuery(
              "SELECT COUNT(*), SUM(o_custkey), SUM(o_totalprice) FROM orders")) {
        assertThat(copy.next()).isTrue();
        assertThat(source.next()).isTrue();
        assertThat(copy.getLong(1)).isEqualTo(source.getLong(1)).isEqualTo(15000);
        assertThat(copy.getLong(2)).isEqualTo(source.getLong(2));
        assertThat(copy.getBigDecimal(3)).isEqualTo(source.getBigDecimal(3));
      }
      FileSystem hdfs = MiniHdfs.fileSystem();
      assertThat(hdfs.globStatus(new org.apache.hadoop.fs.Path(
          warehouse + "/default/orders_by_customer/data/*/o_custkey_bucket=*/*.avro"))).hasSizeGreaterThan(3);
    }
  }

  /**
   * {@code spark-submit} of the application jar, as a user runs it: a JVM with Spark's distribution alone on
   * its class path, Faísca and its libraries from faisca-app.jar, a script on HDFS that creates a table,
   * fills it and queries it on the cluster, its result written to HDFS (as a driver in a cluster's
   * container would).
   */
  @Test void sparkSubmitOfTheApplicationJarRunsAScript() throws Exception {
    FileSystem hdfs = MiniHdfs.fileSystem();
    String jobs = MiniHdfs.newDirectory("jobs");
    String script = jobs + "/submitted.sql";
    try (var out = hdfs.create(new org.apache.hadoop.fs.Path(script), true)) {
      out.write("""
          CREATE TABLE submitted (id INT, name VARCHAR);
          INSERT INTO submitted VALUES (1, 'one'), (2, 'two');
          INSERT INTO submitted SELECT n_nationkey + 10, n_name FROM nation WHERE n_regionkey = 0;
          SELECT COUNT(*) AS ids, SUM(id) AS total, MIN(name) AS first_name FROM submitted;
          """.getBytes(UTF_8));
    }
    String results = jobs + "/results";
    Path log = DIR.getParent().resolve("spark-submit.log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    // What Spark's own spark-submit script gives its JVM: Spark's module flags, Spark's jars.
    command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
    command.addAll(List.of("-cp", Files.readString(Path.of(System.getProperty("faisca.spark.classpath"))).strip(),
        "org.apache.spark.deploy.SparkSubmit", "--master", cluster.masterUrl(), "--class", "io.faisca.cli.Main",
        "--conf", "spark.cores.max=2", "--conf", "spark.executor.cores=1", "--conf", "spark.executor.memory=512m",
        System.getProperty("faisca.app.jar"), "run", "--warehouse", warehouse, "--output", results, script));
    ProcessBuilder submit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    submit.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = submit.start();
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    assertThat(process.exitValue()).as("spark-submit's exit status; its log: %s", log).isZero();
    assertThat(Files.readString(log)).contains("Connected to Spark cluster with app ID");
    String expected;
    try (Connection duckDb = DuckDbOracle.open(TpchTestData.warehouse());
        ResultSet rows = duckDb.createStatement().executeQuery("SELECT COUNT(*) + 2, SUM(n_nationkey + 10) + 3, "
            + "LEAST(MIN(n_name), 'one') FROM nation WHERE n_regionkey = 0")) {
      assertThat(rows.next()).isTrue();
      expected = "ids,total,first_name\n" + rows.getLong(1) + "," + rows.getLong(2) + "," + rows.getString(3) + "\n";
    }
    try (var in = hdfs.open(new org.apache.hadoop.fs.Path(results + "/line-4.csv"))) {
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo(expected);
    }
  }

  private static String url() {
    return "jdbc:faisca:warehouse=" + warehouse + ";master=" + cluster.masterUrl()
        + ";spark.cores.max=2;spark.executor.cores=1";
  }

  /**
   * Spark and Hadoop and their libraries, nothing of Faísca's (faisca-spark-dist): the cluster's Spark home,
   * so whatever else executors need must travel with the job, as on a user's cluster.
   */
  private static List<Path> sparkDistribution() throws IOException {
    String classpath = Files.readString(Path.of(System.getProperty("faisca.spark.classpath"))).strip();
    return Stream.of(classpath.split(File.pathSeparator)).map(Path::of).toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
