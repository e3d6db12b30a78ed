package io.faisca.jdbc;

import io.faisca.jdbc.client.FaiscaConnection;
import io.faisca.jdbc.client.FaiscaJdbcFactory;
import io.faisca.jdbc.client.ProgressLine;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.remote.Driver;

/**
 * The remote driver: {@code jdbc:faisca:remote:url=http://HOST:8765;serialization=protobuf}.
 * Avatica's thin client, plus what Avatica's protocol lacks: {@code
 * Statement.cancel()}, query timeouts and early-closed result sets stop the
 * query on the server (through its cancel endpoint), and errors met while
 * fetching rows are SQLExceptions. The plain {@code jdbc:avatica:remote:}
 * driver works too, without those.
 */
public final class FaiscaRemoteDriver extends Driver {
  public static final String PREFIX = "jdbc:faisca:remote:";
  /** {@code progress=true}: a running query's stages shown on standard error, as the shell does at a terminal. */
  public static final String PROGRESS = "progress";

  static {
    new FaiscaRemoteDriver().register();
  }

  @Override protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override protected String getFactoryClassName(JdbcVersion jdbcVersion) {
    return FaiscaJdbcFactory.class.getName();
  }

  @Override protected DriverVersion createDriverVersion() {
    return FaiscaDriver.driverVersion();
  }

  @Override public Connection connect(String url, Properties info) throws SQLException {
    Connection connection = super.connect(url, info);
    if (connection instanceof FaiscaConnection faisca) {
      faisca.useStopper(new HttpStatementStopper(faisca));
      if ("true".equalsIgnoreCase(ConnectStringParser.parse(url.substring(PREFIX.length()), info)
          .getProperty(PROGRESS))) {
        faisca.useProgressLine(new ProgressLine(new HttpQueryProgress(faisca), System.err));
      }
    }
    return connection;
  }
}
