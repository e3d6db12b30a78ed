package io.faisca.server;

import io.faisca.catalog.Warehouse;
import io.faisca.jdbc.meta.FaiscaMeta;
import io.faisca.jdbc.meta.MetaSettings;
import io.faisca.parser.SqlLimits;
import io.faisca.runtime.FaiscaEngine;
import io.faisca.runtime.SparkSessions;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.AvaticaHandler;
import org.apache.calcite.avatica.server.AvaticaJsonHandler;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.apache.spark.sql.SparkSession;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * Faísca's JDBC server: Avatica over HTTP in front of the same Meta the
 * embedded driver uses. It stops cleanly: running queries are cancelled,
 * then HTTP stops, then Spark.
 */
public final class FaiscaServer {
  private final ServerOptions options;
  private final SparkSession spark;
  private final FaiscaMeta meta;
  private final HttpServer http;
  private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "faisca-housekeeping");
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean stopped;

  private FaiscaServer(ServerOptions options, SparkSession spark, FaiscaMeta meta, HttpServer http) {
    this.options = options;
    this.spark = spark;
    this.meta = meta;
    this.http = http;
  }

  /** Opens the warehouse, starts Spark and the HTTP server. */
  public static FaiscaServer start(ServerOptions options) throws IOException {
    SparkSession spark = SparkSessions.getOrCreate(options.master(), options.sparkConf());
    // The warehouse is opened with Spark's Hadoop settings (spark.hadoop.*), as Spark reads it.
    Warehouse warehouse = Warehouse.open(options.warehouse(), spark.sparkContext().hadoopConfiguration(),
        java.util.Optional.ofNullable(options.catalogUri()), options.locationRoots());
    ServerLimits limits = options.limits();
    FaiscaEngine engine = new FaiscaEngine(spark, warehouse, new SqlLimits(limits.maxSqlLength(), limits.maxNesting()));
    engine.warmUp();
    FaiscaMeta[] metaHolder = new FaiscaMeta[1];
    ClientTracker tracker = new ClientTracker(connectionId -> metaHolder[0].cancelRunning(connectionId));
    FaiscaMeta meta = new FaiscaMeta(engine, new MetaSettings(limits.pollMillis(), limits.maxRunningQueries(), true),
        tracker);
    metaHolder[0] = meta;
    LocalService service = new LocalService(meta);
    AvaticaHandler avatica = options.serialization() == Serialization.JSON
        ? new AvaticaJsonHandler(service, NoopMetricsSystem.getInstance())
        : new AvaticaProtobufHandler(service, NoopMetricsSystem.getInstance());
    RequestHandler handler = new RequestHandler(avatica, limits, tracker, new ServerStatus(spark, meta),
        new StatementRequests(meta));
    HttpServer.Builder<Server> builder = HttpServer.Builder.<Server>newBuilder()
        .withPort(options.port())
        .withHandler(handler)
        .withServerCustomizers(List.of(listenTo(tracker, limits), FaiscaServer::refusePlainHttp), Server.class);
    if (options.usersFile() != null) {
      builder.withBasicAuthentication(options.usersFile().toAbsolutePath().toString(), new String[] {"**"});
    }
    if (options.tls()) {
      String password = Files.readString(options.keystorePasswordFile()).strip();
      builder.withTLS(options.keystore().toFile(), password, options.keystore().toFile(), password,
          keystoreType(options));
    }
    HttpServer http = builder.build();
    http.start();
    FaiscaServer server = new FaiscaServer(options, spark, meta, http);
    server.housekeeping.scheduleWithFixedDelay(server::expireIdle, 1, 1, TimeUnit.SECONDS);
    return server;
  }

  /**
   * Lets the tracker watch network connections. Jetty keeps idle ones open as long as a JDBC connection
   * may idle, so a closed one means the client closed it (or died), not that it paused.
   */
  private static ServerCustomizer<Server> listenTo(ClientTracker tracker, ServerLimits limits) {
    return server -> {
      for (Connector connector : server.getConnectors()) {
        connector.addBean(tracker);
        if (connector instanceof AbstractConnector network) {
          network.setIdleTimeout(limits.connectionIdle().toMillis());
        }
      }
    };
  }

  /** With TLS, answers plain HTTP on the port with a 400 (see {@link PlainHttpRefused}). */
  private static void refusePlainHttp(Server server) {
    for (Connector connector : server.getConnectors()) {
      SslConnectionFactory tls = connector.getConnectionFactory(SslConnectionFactory.class);
      if (tls != null && connector instanceof ServerConnector serverConnector) {
        serverConnector.addFirstConnectionFactory(new PlainHttpRefused(tls));
      }
    }
  }

  private static String keystoreType(ServerOptions options) {
    String name = options.keystore().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".p12") || name.endsWith(".pfx") ? "PKCS12" : "JKS";
  }

  private void expireIdle() {
    meta.expireIdle(options.limits().connectionIdle().toMillis(), options.limits().statementIdle().toMillis());
  }

  public int port() {
    return http.getPort();
  }

  /** The URL a client connects with. */
  public String jdbcUrl() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "localhost";
    }
    String url = "jdbc:avatica:remote:url=" + (options.tls() ? "https" : "http") + "://" + host + ":" + port()
        + ";serialization=" + options.serialization().name().toLowerCase(java.util.Locale.ROOT);
    return options.usersFile() == null ? url : url + ";authentication=BASIC;avatica_user=USER;avatica_password=PASSWORD";
  }

  public void join() throws InterruptedException {
    http.join();
  }

  /** Cancels every running query, then stops HTTP, then Spark. Safe to call twice. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    housekeeping.shutdownNow();
    meta.closeAll();
    http.stop();
    spark.stop();
  }
}
