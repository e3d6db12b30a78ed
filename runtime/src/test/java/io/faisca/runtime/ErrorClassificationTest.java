package io.faisca.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.faisca.catalog.Warehouse;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.SparkThrowable;
import org.apache.spark.api.java.function.ForeachFunction;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors get their SQLState from what Spark and Calcite say they are (Spark's condition and SQLState,
 * Calcite's resource), fed here as the real exceptions that real queries raise.
 */
class ErrorClassificationTest {
  @TempDir
  static Path warehouse;

  private static SparkSession spark;
  private static FaiscaEngine engine;

  @BeforeAll
  static void start() {
    spark = SparkSessions.getOrCreate("local[2]", Map.of());
    spark.range(0, 10).selectExpr("CAST(id AS INT) AS n", "CAST(id AS STRING) AS label")
        .write().parquet(warehouse.resolve("numbers").toString());
    engine = new FaiscaEngine(spark, Warehouse.open(warehouse.toString()));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** What Spark itself throws for {@code sql}, run on Faísca's session settings (ANSI mode). */
  private static Throwable sparkError(String sql) {
    Throwable thrown = catchThrowable(() -> spark.sql(sql).collectAsList());
    assertThat(thrown).isNotNull();
    return thrown;
  }

  private static String sqlState(Throwable error) {
    return SparkErrors.translate(error).sqlState();
  }

  @Test
  void arithmeticOverflowIs22003() {
    Throwable error = sparkError("SELECT CAST(id AS INT) + 2147483647 FROM range(1, 2)");
    assertThat(((SparkThrowable) error).getCondition()).isEqualTo("ARITHMETIC_OVERFLOW");
    assertThat(sqlState(error)).isEqualTo("22003");
  }

  @Test
  void divisionByZeroIs22012() {
    Throwable error = sparkError("SELECT id DIV (id - 1) FROM range(1, 2)");
    assertThat(((SparkThrowable) error).getCondition()).isEqualTo("DIVIDE_BY_ZERO");
    assertThat(sqlState(error)).isEqualTo("22012");
  }

  @Test
  void malformedCastIs22018() {
    Throwable error = sparkError("SELECT CAST(concat('x', id) AS INT) FROM range(1, 2)");
    assertThat(((SparkThrowable) error).getCondition()).isEqualTo("CAST_INVALID_INPUT");
    assertThat(sqlState(error)).isEqualTo("22018");
  }

  @Test
  void scalarSubqueryOfManyRowsIs21000() {
    Throwable error = sparkError("SELECT (SELECT id FROM range(2)) FROM range(1)");
    assertThat(error).isInstanceOf(SparkThrowable.class);
    assertThat(sqlState(error)).isEqualTo("21000");
  }

  @Test
  void sparkRunningOutOfMemoryIsInsufficientResources() {
    // UNABLE_TO_ACQUIRE_MEMORY, SQLState 53200: the 60-table joins of sqllogictest's select5 meet it in a 3 GB JVM.
    assertThat(SparkErrors.forSqlState("53200")).isEqualTo(ErrorCode.OUT_OF_MEMORY);
  }

  @Test
  void aSparkDataExceptionKeepsItsSqlState() {
    // DATETIME_OVERFLOW: Spark's SQLState 22008 is SQL's datetime field overflow.
    Throwable error = sparkError("SELECT timestampadd(YEAR, 1000000, TIMESTAMP'2024-01-01 00:00:00') FROM range(1)");
    assertThat(((SparkThrowable) error).getSqlState()).startsWith("22");
    assertThat(sqlState(error)).isEqualTo("22008");
  }

  @Test
  void aCancelledJobIs57014() throws Exception {
    String group = "error-classification-cancel";
    CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
      spark.sparkContext().setJobGroup(group, "sleeps until cancelled", true);
      try {
        return catchThrowable(() -> spark.range(0, 2, 1, 2).foreach((ForeachFunction<Long>) id -> Thread.sleep(60_000)));
      } finally {
        spark.sparkContext().clearJobGroup();
      }
    });
    while (spark.sparkContext().statusTracker().getJobIdsForGroup(group).length == 0) {
      Thread.sleep(50);
    }
    spark.sparkContext().cancelJobGroup(group, "the test cancels it");
    Throwable error = running.get();
    assertThat(error).isNotNull();
    assertThat(sqlState(error)).isEqualTo("57014");
  }

  @Test
  void validatorErrorsAreKnownByCalcitesResource() {
    assertThat(planError("SELECT n FROM nowhere")).isEqualTo("42S02");
    assertThat(planError("SELECT missing FROM numbers")).isEqualTo("42S22");
    assertThat(planError("SELECT no_such_function(n) FROM numbers")).isEqualTo("42883");
    assertThat(planError("SELECT n FROM numbers WHERE label")).isEqualTo("42804");
    assertThat(planError("SELECT label, COUNT(*) FROM numbers GROUP BY n")).isEqualTo("42000");
  }

  private static String planError(String sql) {
    Throwable thrown = catchThrowable(() -> engine.prepare(sql));
    assertThat(thrown).isInstanceOf(FaiscaException.class);
    return ((FaiscaException) thrown).sqlState();
  }
}
