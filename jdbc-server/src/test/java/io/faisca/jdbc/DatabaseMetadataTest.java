package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.sql.TestWarehouse;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DatabaseMetaData answered from the warehouse catalog. */
class DatabaseMetadataTest {
  private static Connection connection;
  private static DatabaseMetaData metadata;

  @BeforeAll
  static void connect() throws SQLException {
    connection = DriverManager.getConnection(TestWarehouse.url());
    metadata = connection.getMetaData();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @Test
  void productNameAndVersion() throws SQLException {
    assertThat(metadata.getDatabaseProductName()).isEqualTo("Faísca");
    assertThat(metadata.getDatabaseProductVersion()).isNotBlank();
    assertThat(metadata.getDriverName()).isEqualTo("Faísca JDBC Driver");
  }

  @Test
  void tablesAreTheDirectoriesHoldingParquet() throws SQLException {
    List<String> tables = column(metadata.getTables(null, null, "%", null), "TABLE_NAME");
    assertThat(tables).contains("t", "u", "n", "e", "big", "sales").doesNotContain("not_a_table");
    assertThat(column(metadata.getTables(null, "default", "s%", new String[] {"TABLE"}), "TABLE_NAME"))
        .containsExactly("sales", "seq");
    assertThat(column(metadata.getTables(null, null, "%", new String[] {"VIEW"}), "TABLE_NAME")).isEmpty();
  }

  @Test
  void columnsCarryJdbcTypesSizesAndNullability() throws SQLException {
    try (ResultSet rs = metadata.getColumns(null, "default", "t", "%")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString("COLUMN_NAME"));
        if (rs.getString("COLUMN_NAME").equals("d")) {
          assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
          assertThat(rs.getString("TYPE_NAME")).isEqualTo("DECIMAL");
          assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(10);
          assertThat(rs.getInt("DECIMAL_DIGITS")).isEqualTo(2);
          assertThat(rs.getInt("NULLABLE")).isEqualTo(DatabaseMetaData.columnNullable);
          assertThat(rs.getString("IS_NULLABLE")).isEqualTo("YES");
          assertThat(rs.getInt("ORDINAL_POSITION")).isEqualTo(5);
        }
        if (rs.getString("COLUMN_NAME").equals("dt")) {
          assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.DATE);
        }
      }
      assertThat(names).containsExactly("id", "grp", "x", "y", "d", "f", "s", "dt", "ts", "b");
    }
  }

  @Test
  void partitionColumnsAreListedAfterDataColumns() throws SQLException {
    assertThat(column(metadata.getColumns(null, null, "sales", null), "COLUMN_NAME"))
        .containsExactly("yr", "amount", "region");
  }

  @Test
  void schemasTableTypesAndEmptyKeys() throws SQLException {
    assertThat(column(metadata.getSchemas(), "TABLE_SCHEM")).containsExactly("default");
    assertThat(column(metadata.getTableTypes(), "TABLE_TYPE")).containsExactly("TABLE", "VIEW");
    assertThat(column(metadata.getPrimaryKeys(null, "default", "t"), "COLUMN_NAME")).isEmpty();
    assertThat(column(metadata.getImportedKeys(null, "default", "t"), "PKTABLE_NAME")).isEmpty();
    assertThat(column(metadata.getTypeInfo(), "TYPE_NAME")).contains("INTEGER", "DECIMAL", "VARCHAR", "DATE");
  }

  private static List<String> column(ResultSet rs, String name) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        values.add(rs.getString(name));
      }
    }
    return values;
  }
}
