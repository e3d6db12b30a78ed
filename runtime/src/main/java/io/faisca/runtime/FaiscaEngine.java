package io.faisca.runtime;

import static java.util.Objects.requireNonNull;

import io.faisca.catalog.Warehouse;
import io.faisca.parser.SqlLimits;
import io.faisca.planner.FaiscaPlanner;
import org.apache.spark.sql.SparkSession;

/**
 * A warehouse, a planner over it and the Spark session that runs the plans.
 * Thread-safe: statements may be prepared and run from many threads at once.
 */
public final class FaiscaEngine {
  private static final String WARM_UP = "SELECT a.x, COUNT(*) AS c FROM (VALUES (1, 2)) AS a(x, y)"
      + " JOIN (VALUES (1, 3)) AS b(x, z) ON a.x = b.x WHERE a.y > 0 GROUP BY a.x ORDER BY 2 DESC";

  private final SparkSession spark;
  private final FaiscaPlanner planner;
  private final Session defaultSession = new Session(this);

  public FaiscaEngine(SparkSession spark, Warehouse warehouse) {
    this(spark, warehouse, SqlLimits.DEFAULT);
  }

  public FaiscaEngine(SparkSession spark, Warehouse warehouse, SqlLimits limits) {
    this.spark = requireNonNull(spark, "spark");
    this.planner = new FaiscaPlanner(requireNonNull(warehouse, "warehouse"), limits);
  }

  public SparkSession spark() {
    return spark;
  }

  public Warehouse warehouse() {
    return planner.warehouse();
  }

  /** A session of its own for one client: its settings reach no other session. */
  public Session newSession() {
    return new Session(this);
  }

  /** Plans a query in the engine's own session, for programs that share one engine. */
  public PreparedQuery prepare(String sql) {
    return defaultSession.prepareQuery(sql);
  }

  FaiscaPlanner planner() {
    return planner;
  }

  /** The first plan in a JVM pays for class loading and generated metadata handlers; pay it up front. */
  public void warmUp() {
    planner.plan(WARM_UP);
  }
}
