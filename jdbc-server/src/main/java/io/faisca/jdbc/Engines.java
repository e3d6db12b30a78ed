package io.faisca.jdbc;

import io.faisca.catalog.Warehouse;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.jdbc.meta.ClientActivity;
import io.faisca.jdbc.meta.FaiscaMeta;
import io.faisca.jdbc.meta.MetaSettings;
import io.faisca.runtime.FaiscaEngine;
import io.faisca.runtime.SparkSessions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * The engines of this process, one per warehouse. Spark allows one context
 * per JVM, so every engine shares the one Spark session; connections asking
 * for another master are refused rather than silently run elsewhere.
 */
public final class Engines {
  private static final Map<String, FaiscaMeta> METAS = new ConcurrentHashMap<>();

  private Engines() {
  }

  public static FaiscaMeta meta(ConnectionSettings settings) {
    checkMaster(settings.master());
    // The warehouse is opened with Spark's Hadoop settings (spark.hadoop.*), as Spark reads it.
    SparkSession spark = SparkSessions.getOrCreate(settings.master(), settings.sparkConf());
    Warehouse warehouse = Warehouse.open(settings.warehouse(), spark.sparkContext().hadoopConfiguration(),
        Optional.ofNullable(settings.catalogUri()), settings.locationRoots());
    String key = warehouse.location() + "|" + settings.catalogUri() + "|" + settings.locationRoots() + "|"
        + settings.master();
    return METAS.computeIfAbsent(key, k -> start(spark, warehouse));
  }

  private static FaiscaMeta start(SparkSession spark, Warehouse warehouse) {
    FaiscaEngine engine = new FaiscaEngine(spark, warehouse);
    engine.warmUp();
    return new FaiscaMeta(engine, MetaSettings.EMBEDDED, ClientActivity.NONE);
  }

  private static void checkMaster(String master) {
    Option<SparkSession> running = SparkSession.getDefaultSession();
    if (running.isDefined() && !running.get().sparkContext().isStopped()) {
      String current = running.get().sparkContext().master();
      if (!current.equals(master)) {
        throw new FaiscaException(ErrorCode.INVALID_CONNECTION_PROPERTY, "This process already runs Spark with master '"
            + current + "'; it cannot also connect to master '" + master + "'");
      }
    }
  }
}
