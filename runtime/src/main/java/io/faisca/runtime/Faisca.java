package io.faisca.runtime;

import io.faisca.catalog.Warehouse;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Faísca for Spark programs: SQL over a warehouse, planned by Faísca, as a
 * Dataset on the caller's Spark context. The Datasets belong to a session
 * derived from the caller's ({@link SparkSessions#derive}): the caller's
 * settings, with Faísca's semantics (ANSI errors, UTC session time, java.time
 * values) over them, so that a query gives the same answer, or the same
 * error, as through JDBC. The caller's own session is left unchanged.
 *
 * <pre>{@code
 * Faisca faisca = Faisca.on(spark, "hdfs://nn/warehouse");
 * Dataset<Row> top = faisca.sql("SELECT o_orderpriority, count(*) FROM orders GROUP BY 1");
 * }</pre>
 */
public final class Faisca {
  private final FaiscaEngine engine;

  private Faisca(FaiscaEngine engine) {
    this.engine = engine;
  }

  public static Faisca on(SparkSession spark, String warehouse) {
    SparkSession faiscaSpark = SparkSessions.derive(spark);
    return new Faisca(new FaiscaEngine(faiscaSpark,
        Warehouse.open(warehouse, faiscaSpark.sparkContext().hadoopConfiguration())));
  }

  /** Plans the query and returns it as a Dataset; {@code ?} parameters take the given values in order. */
  public Dataset<Row> sql(String sql, Object... parameters) {
    return engine.prepare(sql).dataset(Arrays.asList(parameters));
  }
}
