package io.faisca.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.catalog.Warehouse;
import io.faisca.error.FaiscaException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running a query: rows stream partition by partition, and every job says which query it belongs to. */
class QueryExecutionTest {
  @TempDir
  static Path warehouse;

  private static SparkSession spark;
  private static FaiscaEngine engine;
  private static final List<SparkListenerJobStart> JOBS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    spark = SparkSessions.getOrCreate("local[2]", Map.of());
    spark.range(0, 1000).selectExpr("CAST(id AS INT) AS n").repartition(8)
        .write().parquet(warehouse.resolve("numbers").toString());
    engine = new FaiscaEngine(spark, Warehouse.open(warehouse.toString()));
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override public void onJobStart(SparkListenerJobStart jobStart) {
        JOBS.add(jobStart);
      }
    });
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void jobsCarryTheSqlTextAsTheirDescription() throws Exception {
    String sql = "SELECT COUNT(*) FROM numbers WHERE n % 7 = 0";
    JOBS.clear();
    try (QueryExecution execution = engine.prepare(sql).execute(List.of())) {
      assertThat(execution.next().getLong(0)).isEqualTo(143);
      assertThat(execution.hasNext()).isFalse();
    }
    spark.sparkContext().listenerBus().waitUntilEmpty();
    assertThat(JOBS).isNotEmpty().allSatisfy(job ->
        assertThat(job.properties().getProperty("spark.job.description")).isEqualTo(sql));
  }

  @Test
  void rowsStreamOnePartitionAtATime() throws Exception {
    String sql = "SELECT n FROM numbers";
    JOBS.clear();
    try (QueryExecution execution = engine.prepare(sql).execute(List.of())) {
      execution.next();
      spark.sparkContext().listenerBus().waitUntilEmpty();
      int jobsForFirstRow = JOBS.size();
      int rows = 1;
      while (execution.hasNext()) {
        execution.next();
        rows++;
      }
      spark.sparkContext().listenerBus().waitUntilEmpty();
      assertThat(rows).isEqualTo(1000);
      assertThat(jobsForFirstRow).as("jobs run before the first row").isLessThan(JOBS.size());
    }
  }

  @Test
  void aQueryWithoutTablesStartsNoSparkJob() throws Exception {
    spark.sparkContext().listenerBus().waitUntilEmpty();
    JOBS.clear();
    try (QueryExecution execution = engine.prepare("SELECT 1, 'a'").execute(List.of())) {
      assertThat(execution.next(10)).singleElement().satisfies(row -> assertThat(row.getInt(0)).isEqualTo(1));
    }
    spark.sparkContext().listenerBus().waitUntilEmpty();
    assertThat(JOBS).isEmpty();
  }

  @Test
  void rowsComeInBatchesOfTheSizeAskedForUntilTheEnd() {
    try (QueryExecution execution = engine.prepare("SELECT n FROM numbers").execute(List.of())) {
      assertThat(execution.next(300)).hasSize(300);
      assertThat(execution.next(600)).hasSize(600);
      assertThat(execution.next(300)).hasSize(100);
      assertThat(execution.next(300)).isEmpty();
      assertThat(execution.hasNext()).isFalse();
    }
  }

  @Test
  void aClosedExecutionRefusesMoreRows() {
    QueryExecution execution = engine.prepare("SELECT n FROM numbers").execute(List.of());
    execution.next();
    execution.close();
    assertThatThrownBy(execution::hasNext).isInstanceOf(FaiscaException.class).hasMessageContaining("closed");
  }

  @Test
  void errorsRaisedWhileRunningAreTranslated() {
    assertThatThrownBy(() -> engine.prepare("SELECT n / (n - n) FROM numbers").execute(List.of()).start())
        .isInstanceOf(FaiscaException.class)
        .hasMessage("Division by zero")
        .satisfies(e -> assertThat(((FaiscaException) e).sqlState()).isEqualTo("22012"));
  }
}
