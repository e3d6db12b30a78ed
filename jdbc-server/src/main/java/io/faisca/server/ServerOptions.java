package io.faisca.server;

import io.faisca.runtime.SparkSessions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.remote.Driver.Serialization;

/**
 * What {@code faisca server} was asked for.
 *
 * @param warehouse the warehouse to serve
 * @param catalogUri JDBC URL of the database holding the catalog of managed tables, or null for the
 *     warehouse's own catalog
 * @param locationRoots directories besides the warehouse where {@code CREATE TABLE … LOCATION} may place
 *     tables (absolute paths or Hadoop URIs)
 * @param port the HTTP port (0 picks a free one)
 * @param master the Spark master
 * @param serialization the wire format clients must use
 * @param usersFile users and passwords for HTTP Basic authentication, or null for none
 * @param keystore the TLS key store, or null for plain HTTP
 * @param keystorePasswordFile a file holding the key store's password
 * @param sparkConf Spark settings for the server's session
 * @param limits what one client may ask of the server
 */
public record ServerOptions(
    String warehouse,
    String catalogUri,
    List<String> locationRoots,
    int port,
    String master,
    Serialization serialization,
    Path usersFile,
    Path keystore,
    Path keystorePasswordFile,
    Map<String, String> sparkConf,
    ServerLimits limits) {

  public static final int DEFAULT_PORT = 8765;

  public ServerOptions {
    locationRoots = List.copyOf(locationRoots);
    sparkConf = Map.copyOf(sparkConf);
  }

  /** Parses the command line; throws IllegalArgumentException with a sentence for the user. */
  public static ServerOptions parse(String[] args) {
    String warehouse = "warehouse";
    String catalogUri = null;
    List<String> locationRoots = new ArrayList<>();
    int port = DEFAULT_PORT;
    String master = SparkSessions.defaultMaster();
    Serialization serialization = Serialization.PROTOBUF;
    String auth = null;
    Path users = null;
    Path keystore = null;
    Path passwordFile = null;
    Map<String, String> sparkConf = new LinkedHashMap<>();
    ServerLimits defaults = ServerLimits.DEFAULT;
    int maxRunningQueries = defaults.maxRunningQueries();
    int maxRequestBytes = defaults.maxRequestBytes();
    int maxSqlLength = defaults.maxSqlLength();
    Duration connectionIdle = defaults.connectionIdle();
    Duration statementIdle = defaults.statementIdle();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--warehouse" -> warehouse = value(args, ++i, option);
        case "--catalog-uri" -> catalogUri = value(args, ++i, option);
        case "--location-root" -> locationRoots.add(value(args, ++i, option));
        case "--port" -> port = number(value(args, ++i, option), option);
        case "--master" -> master = value(args, ++i, option);
        case "--serialization" -> serialization = serialization(value(args, ++i, option));
        case "--auth" -> auth = value(args, ++i, option);
        case "--users" -> users = Path.of(value(args, ++i, option));
        case "--tls-keystore" -> keystore = Path.of(value(args, ++i, option));
        case "--tls-password-file" -> passwordFile = Path.of(value(args, ++i, option));
        case "--spark-conf" -> {
          String setting = value(args, ++i, option);
          int eq = setting.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--spark-conf takes key=value, got '" + setting + "'");
          }
          sparkConf.put(setting.substring(0, eq), setting.substring(eq + 1));
        }
        case "--max-running-queries" -> maxRunningQueries = number(value(args, ++i, option), option);
        case "--max-request-bytes" -> maxRequestBytes = number(value(args, ++i, option), option);
        case "--max-sql-length" -> maxSqlLength = number(value(args, ++i, option), option);
        case "--connection-idle-timeout" -> connectionIdle = Duration.ofSeconds(number(value(args, ++i, option), option));
        case "--statement-idle-timeout" -> statementIdle = Duration.ofSeconds(number(value(args, ++i, option), option));
        default -> throw new IllegalArgumentException("Unknown option " + option);
      }
    }
    if (auth != null && !auth.equalsIgnoreCase("basic")) {
      throw new IllegalArgumentException("--auth supports basic only, got '" + auth + "'");
    }
    if (auth != null && users == null) {
      throw new IllegalArgumentException("--auth basic needs --users FILE (lines of 'user: password,role')");
    }
    if (auth == null && users != null) {
      throw new IllegalArgumentException("--users needs --auth basic");
    }
    if ((keystore == null) != (passwordFile == null)) {
      throw new IllegalArgumentException("TLS needs both --tls-keystore FILE and --tls-password-file FILE");
    }
    ServerLimits limits = new ServerLimits(maxRunningQueries, maxRequestBytes, maxSqlLength, defaults.maxNesting(),
        defaults.pollMillis(), connectionIdle, statementIdle);
    return new ServerOptions(warehouse, catalogUri, locationRoots, port, master, serialization, users, keystore,
        passwordFile, sparkConf, limits);
  }

  public boolean tls() {
    return keystore != null;
  }

  private static Serialization serialization(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "protobuf" -> Serialization.PROTOBUF;
      case "json" -> Serialization.JSON;
      default -> throw new IllegalArgumentException("--serialization is protobuf or json, got '" + name + "'");
    };
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException("Missing value for " + option);
    }
    return args[i];
  }

  private static int number(String text, String option) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number, got '" + text + "'");
    }
  }
}
