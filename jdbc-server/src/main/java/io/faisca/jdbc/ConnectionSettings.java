package io.faisca.jdbc;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.runtime.SparkSessions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a {@code jdbc:faisca:} URL says: the warehouse, its catalog, the
 * directories besides it where tables may be placed, the Spark master
 * ({@code local[*]} unless given) and any {@code spark.*} settings for the
 * embedded Spark session.
 *
 * @param warehouse local directory or Hadoop URI of the warehouse
 * @param catalogUri JDBC URL of the database holding the catalog of managed tables, or null for the
 *     warehouse's own catalog
 * @param locationRoots directories besides the warehouse where {@code CREATE TABLE … LOCATION} may place
 *     tables, as {@code locationRoots=URI1,URI2} lists them
 * @param master Spark master URL
 * @param sparkConf Spark settings passed through to the session
 */
public record ConnectionSettings(String warehouse, String catalogUri, List<String> locationRoots, String master,
    Map<String, String> sparkConf) {
  public static final String WAREHOUSE = "warehouse";
  public static final String CATALOG_URI = "catalogUri";
  public static final String LOCATION_ROOTS = "locationRoots";
  public static final String MASTER = "master";

  public ConnectionSettings {
    locationRoots = List.copyOf(locationRoots);
    sparkConf = Map.copyOf(sparkConf);
  }

  public static ConnectionSettings of(Properties properties) {
    String warehouse = properties.getProperty(WAREHOUSE);
    if (warehouse == null || warehouse.isBlank()) {
      throw new FaiscaException(ErrorCode.INVALID_CONNECTION_PROPERTY,
          "No warehouse in the connection URL: use jdbc:faisca:warehouse=DIR-or-URI");
    }
    String master = properties.getProperty(MASTER, SparkSessions.defaultMaster());
    Map<String, String> sparkConf = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith("spark.")) {
        sparkConf.put(name, properties.getProperty(name));
      }
    }
    String catalogUri = properties.getProperty(CATALOG_URI);
    return new ConnectionSettings(warehouse.strip(), catalogUri == null ? null : catalogUri.strip(),
        locationRoots(properties.getProperty(LOCATION_ROOTS, "")), master.strip(), sparkConf);
  }

  private static List<String> locationRoots(String list) {
    return Arrays.stream(list.split(",")).map(String::strip).filter(root -> !root.isEmpty()).toList();
  }

  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>(sparkConf);
    map.put(WAREHOUSE, warehouse);
    if (catalogUri != null) {
      map.put(CATALOG_URI, catalogUri);
    }
    if (!locationRoots.isEmpty()) {
      map.put(LOCATION_ROOTS, String.join(",", locationRoots));
    }
    map.put(MASTER, master);
    return map;
  }
}
