package io.faisca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.sql.TestWarehouse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class ServerSmokeTest {
  @Test void servesQueriesOverHttp() throws Exception {
    try (ServerProcess server = ServerProcess.start("1g", "--warehouse", TestWarehouse.path().toString());
        Connection connection = DriverManager.getConnection(server.jdbcUrl("protobuf"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, s FROM t ORDER BY id")) {
      int count = 0;
      while (rows.next()) {
        count++;
      }
      assertThat(count).isEqualTo(6);
      assertThat(server.status().connections()).isEqualTo(1);
    }
  }
}
