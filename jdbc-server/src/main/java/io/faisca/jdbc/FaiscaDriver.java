package io.faisca.jdbc;

import io.faisca.error.FaiscaException;
import io.faisca.jdbc.client.FaiscaConnection;
import io.faisca.jdbc.client.FaiscaJdbcFactory;
import io.faisca.jdbc.meta.FaiscaMeta;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * The embedded driver: {@code jdbc:faisca:warehouse=DIR-or-URI;master=local[*]}.
 * Queries run in this process, on Spark, through the same {@link FaiscaMeta}
 * the HTTP server uses.
 */
public final class FaiscaDriver extends UnregisteredDriver {
  public static final String PREFIX = "jdbc:faisca:";

  /** The engine for the connection being created, handed from {@link #connect} to {@link #createMeta}. */
  private static final ThreadLocal<FaiscaMeta> CONNECTING = new ThreadLocal<>();

  static {
    new FaiscaDriver().register();
  }

  @Override protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override protected String getFactoryClassName(JdbcVersion jdbcVersion) {
    return FaiscaJdbcFactory.class.getName();
  }

  /** {@code jdbc:faisca:remote:} URLs belong to the remote driver. */
  @Override public boolean acceptsURL(String url) throws SQLException {
    return super.acceptsURL(url) && !url.startsWith(FaiscaRemoteDriver.PREFIX);
  }

  @Override protected DriverVersion createDriverVersion() {
    return driverVersion();
  }

  static DriverVersion driverVersion() {
    return new DriverVersion(FaiscaVersion.DRIVER_NAME, FaiscaVersion.VERSION, FaiscaVersion.PRODUCT_NAME,
        FaiscaVersion.VERSION, true, FaiscaVersion.major(), FaiscaVersion.minor(), FaiscaVersion.major(),
        FaiscaVersion.minor());
  }

  @Override public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    Properties properties = ConnectStringParser.parse(url.substring(PREFIX.length()), info);
    FaiscaMeta meta;
    ConnectionSettings settings;
    try {
      settings = ConnectionSettings.of(properties);
      meta = Engines.meta(settings);
    } catch (FaiscaException e) {
      throw new SQLException(e.getMessage(), e.sqlState(), e);
    }
    CONNECTING.set(meta);
    AvaticaConnection connection;
    try {
      connection = (AvaticaConnection) super.connect(url, info);
    } finally {
      CONNECTING.remove();
    }
    meta.openConnection(connection.handle, settings.asMap());
    ((FaiscaConnection) connection).useStopper((statement, reason) -> meta.cancel(statement, reason.error()));
    return connection;
  }

  @Override public Meta createMeta(AvaticaConnection connection) {
    FaiscaMeta meta = CONNECTING.get();
    if (meta == null) {
      throw new IllegalStateException("Faísca connections are created through FaiscaDriver.connect");
    }
    return EmbeddedMeta.wrap(meta);
  }
}
