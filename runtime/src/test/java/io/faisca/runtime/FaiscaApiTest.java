package io.faisca.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.faisca.catalog.Warehouse;
import io.faisca.error.FaiscaException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkArithmeticException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API: a Spark program runs Faísca SQL on its own session and gets Datasets back. */
class FaiscaApiTest {
  @TempDir
  static Path warehouse;

  private static SparkSession spark;
  private static Faisca faisca;

  @BeforeAll
  static void writeTables() {
    spark = SparkSessions.getOrCreate("local[2]", Map.of());
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.IntegerType, false),
        DataTypes.createStructField("amount", DataTypes.createDecimalType(10, 2), true),
        DataTypes.createStructField("day", DataTypes.DateType, true)));
    List<Row> rows = List.of(
        RowFactory.create(1, new BigDecimal("10.50"), LocalDate.of(2024, 1, 1)),
        RowFactory.create(2, new BigDecimal("4.25"), LocalDate.of(2024, 1, 2)),
        RowFactory.create(3, null, null));
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(warehouse.resolve("payments").toString());
    faisca = Faisca.on(spark, warehouse.toString());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void sqlReturnsADatasetNamedAndTypedAsSqlSays() {
    Dataset<Row> result = faisca.sql("SELECT id, amount * 2 AS doubled, AVG(amount) OVER () AS average"
        + " FROM payments ORDER BY id");
    assertThat(result.columns()).containsExactly("id", "doubled", "average");
    assertThat(result.schema().apply("doubled").dataType()).isEqualTo(DataTypes.createDecimalType(21, 2));
    assertThat(result.schema().apply("average").dataType()).isEqualTo(DataTypes.createDecimalType(14, 6));
    List<Row> rows = result.collectAsList();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).getDecimal(1)).isEqualByComparingTo("21.00");
    assertThat(rows.get(0).getDecimal(2)).isEqualByComparingTo("7.375000");
    assertThat(rows.get(2).isNullAt(1)).isTrue();
  }

  @Test
  void parametersBindInOrder() {
    List<Row> rows = faisca.sql("SELECT id FROM payments WHERE day >= ? AND amount > ?",
        LocalDate.of(2024, 1, 1), new BigDecimal("5")).collectAsList();
    assertThat(rows).extracting(r -> r.getInt(0)).containsExactly(1);
  }

  @Test
  void theDatasetComposesWithTheDataFrameApi() {
    long count = faisca.sql("SELECT * FROM payments").filter("id > 1").count();
    assertThat(count).isEqualTo(2);
  }

  @Test
  void errorsAreFaiscaExceptionsWithSqlStates() {
    assertThatThrownBy(() -> faisca.sql("SELECT missing FROM payments"))
        .isInstanceOf(FaiscaException.class)
        .hasMessageContaining("Column 'missing' not found")
        .satisfies(e -> assertThat(((FaiscaException) e).sqlState()).isEqualTo("42S22"));
  }

  @Test
  void aCallersOwnSettingsChangeNeitherErrorsNorAnswers() {
    SparkSession caller = spark.newSession();
    caller.conf().set("spark.sql.ansi.enabled", "false");
    caller.conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
    Faisca onCaller = Faisca.on(caller, warehouse.toString());
    // The JDBC path: an engine on the session SparkSessions configures.
    FaiscaEngine jdbcPath = new FaiscaEngine(spark, Warehouse.open(warehouse.toString()));

    String overflow = "SELECT id + 2147483647 FROM payments";
    Throwable thrown = catchThrowable(() -> onCaller.sql(overflow).collectAsList());
    Throwable thrownOnJdbcPath = catchThrowable(() -> jdbcPath.prepare(overflow).dataset(List.of()).collectAsList());
    assertThat(thrown).isInstanceOf(SparkArithmeticException.class);
    assertThat(thrown.getClass()).isEqualTo(thrownOnJdbcPath.getClass());
    assertThat(SparkErrors.translate(thrown).sqlState()).isEqualTo("22003");

    String epoch = "SELECT EXTRACT(EPOCH FROM CAST(day AS TIMESTAMP) + INTERVAL '12' HOUR) AS seconds,"
        + " CAST(CAST(day AS TIMESTAMP) AS VARCHAR) AS text, day FROM payments WHERE id = 1";
    Row answer = onCaller.sql(epoch).collectAsList().get(0);
    Row jdbcAnswer = jdbcPath.prepare(epoch).dataset(List.of()).collectAsList().get(0);
    assertThat(answer.getLong(0)).isEqualTo(1_704_110_400L).isEqualTo(jdbcAnswer.getLong(0));
    assertThat(answer).isEqualTo(jdbcAnswer);
    assertThat(answer.get(2)).isEqualTo(LocalDate.of(2024, 1, 1));

    assertThat(caller.conf().get("spark.sql.ansi.enabled")).isEqualTo("false");
    assertThat(caller.conf().get("spark.sql.session.timeZone")).isEqualTo("America/Los_Angeles");
  }
}
