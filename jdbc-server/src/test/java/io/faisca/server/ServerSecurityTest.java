package io.faisca.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.sql.TestWarehouse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server deployed as it should be when exposed: Basic authentication over
 * TLS, one server for both (Basic credentials only belong on TLS). It logs at
 * INFO with the shipped log configuration, as an operator asking for more
 * detail would run it, and its log must never show a password.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerSecurityTest {
  private static final String USER = "alice";
  private static final String PASSWORD = "s3cret-P4ss";
  private static final String KEYSTORE_PASSWORD = "k3ystore-Pw-91";

  private static Path keystore;
  private static ServerProcess server;
  private static RawHttp raw;

  @BeforeAll static void startServer() throws Exception {
    Path dir = ChildJvm.outputDirectory("security");
    Files.createDirectories(dir);
    Path users = Files.writeString(dir.resolve("users.properties"), USER + ": " + PASSWORD + ",user\n");
    Path passwordFile = Files.writeString(dir.resolve("keystore.password"), KEYSTORE_PASSWORD + "\n");
    keystore = dir.resolve("server.p12");
    generateKeyStore(keystore);
    server = ServerProcess.start("1g",
        List.of("-Dlog4j2.configurationFile=" + Path.of("..", "conf", "log4j2.properties").toAbsolutePath()),
        Map.of("FAISCA_LOG_LEVEL", "info"),
        "--warehouse", TestWarehouse.path().toString(), "--auth", "basic", "--users", users.toString(),
        "--tls-keystore", keystore.toString(), "--tls-password-file", passwordFile.toString());
    raw = new RawHttp(server.baseUrl(), trusting(keystore));
  }

  @AfterAll static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test void userWithPasswordQueriesOverTls() throws SQLException {
    assertThat(server.baseUrl()).startsWith("https://");
    try (Connection connection = DriverManager.getConnection(url(USER, PASSWORD));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(6);
    }
  }

  @Test void requestWithoutCredentialsIs401() throws IOException {
    HttpResponse<String> response = raw.post("not even read: authentication comes first");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).startsWithIgnoringCase("Basic"));
  }

  @Test void requestWithWrongPasswordIs401() throws IOException {
    assertThat(raw.postAs(USER, PASSWORD + "x", "{}").statusCode()).isEqualTo(401);
    assertThat(raw.postAs("mallory", PASSWORD, "{}").statusCode()).isEqualTo(401);
  }

  /**
   * Refused with the 401 in the message. Avatica's thin client throws it as a RuntimeException, not an
   * SQLException: its Driver.connect rethrows whatever the HTTP transport throws.
   */
  @Test void wrongPasswordFailsToConnect() {
    assertThatThrownBy(() -> DriverManager.getConnection(url(USER, "wrong-" + PASSWORD)).close())
        .hasMessageContaining("401");
  }

  /**
   * The port speaks TLS only. Plain HTTP gets a 400 saying so, and a JDBC client configured with http:// fails at
   * once: were the connection just closed, Avatica's thin client would retry forever (hence the timeout here).
   */
  @Test @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void plainHttpToTheTlsPortFails() throws IOException {
    String plainUrl = server.baseUrl().replace("https://", "http://");
    HttpResponse<String> response = new RawHttp(plainUrl).postAs(USER, PASSWORD, "{\"request\":\"openConnection\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("https://");

    assertThatThrownBy(() -> DriverManager.getConnection(url(USER, PASSWORD).replace("https://", "http://")).close())
        .hasMessageContaining("400");
  }

  /**
   * The warehouse, the Spark master and Spark settings are the server's to choose. A client asking through
   * connection properties is refused with 08001 naming the property (Avatica's thin client throws the server's
   * error as an AvaticaClientRuntimeException at connect).
   */
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"warehouse, /tmp/another-warehouse", "master, local[1]", "spark.master, local[1]"})
  void serverChosenPropertiesAreRefused(String name, String value) {
    Properties properties = new Properties();
    properties.setProperty(name, value);
    assertThatThrownBy(() -> DriverManager.getConnection(url(USER, PASSWORD), properties).close())
        .satisfies(e -> assertThat(sqlState(e)).as(e.toString()).isEqualTo("08001"))
        .hasMessageContaining("'" + name + "'");
  }

  /**
   * The same settings as keys of the URL never reach the server: Avatica's thin client sends only the
   * Properties object in its openConnection request. They are inert: the client gets the server's warehouse.
   */
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"warehouse, /tmp/another-warehouse", "master, local[1]", "spark.master, local[1]"})
  void serverChosenUrlKeysHaveNoEffect(String name, String value) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url(USER, PASSWORD) + ";" + name + "=" + value);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(6);
    }
  }

  /** Last: stops the server so its log is complete, then reads all of it. */
  @Test @Order(Integer.MAX_VALUE) void logNeverShowsAPassword() throws IOException {
    server.stop();
    String log = Files.readString(server.log());
    assertThat(log).contains("Faísca is serving").contains(" INFO ");
    assertThat(log).doesNotContain(PASSWORD).doesNotContain(KEYSTORE_PASSWORD)
        .doesNotContain(Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  private static String sqlState(Throwable error) {
    if (error instanceof SQLException sql) {
      return sql.getSQLState();
    }
    return error instanceof AvaticaClientRuntimeException avatica ? avatica.getSqlState() : null;
  }

  private static String url(String user, String password) {
    return server.jdbcUrl("protobuf", "authentication=BASIC", "avatica_user=" + user, "avatica_password=" + password,
        "truststore=" + keystore.toAbsolutePath(), "truststore_password=" + KEYSTORE_PASSWORD);
  }

  /** A self-signed key pair for localhost, valid two days, made by the JDK's keytool. */
  private static void generateKeyStore(Path file) throws IOException, InterruptedException {
    Files.deleteIfExists(file);
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "faisca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-validity", "2",
        "-keystore", file.toString(), "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD)
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();
  }

  /** TLS for a raw client that trusts the server's own certificate. */
  private static SSLContext trusting(Path store) throws IOException, GeneralSecurityException {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, KEYSTORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keys);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
