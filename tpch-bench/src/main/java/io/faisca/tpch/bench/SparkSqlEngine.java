package io.faisca.tpch.bench;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL on its own: the same session (and so the same settings) Faísca
 * runs on, the query text handed to {@code spark.sql} over temp views of the
 * same Parquet files. This is the benchmark's peer, never part of the engine.
 * Planning is timed up to Spark's executed plan; execution as collecting it.
 */
final class SparkSqlEngine implements BenchEngine {
  private final SparkSession spark;

  SparkSqlEngine(SparkSession spark, Path warehouse) {
    this.spark = spark;
    for (String table : List.of("lineitem", "orders", "customer", "part", "partsupp", "supplier", "nation", "region")) {
      spark.read().parquet(warehouse.resolve(table).toString()).createOrReplaceTempView(table);
    }
  }

  @Override public String name() {
    return "spark-sql";
  }

  @Override public Measurement run(String sql) {
    long start = System.nanoTime();
    Dataset<Row> dataset = spark.sql(sql);
    dataset.queryExecution().executedPlan();
    long planned = System.nanoTime();
    List<Row> rows = dataset.collectAsList();
    Fingerprint fingerprint = new Fingerprint();
    for (Row row : rows) {
      for (int i = 0; i < row.length(); i++) {
        fingerprint.add(row.get(i));
      }
      fingerprint.endRow();
    }
    long done = System.nanoTime();
    return new Measurement((planned - start) / 1e6, (done - planned) / 1e6, rows.size(), fingerprint.value());
  }

  @Override public void close() {
  }
}
