package io.faisca.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every SQL script under {@code src/test/resources/sql} through the
 * embedded JDBC driver. Expected rows come from an independent oracle
 * (DuckDB over the same Parquet files: {@code -Dfaisca.slt.complete=true}
 * fills them in for review) or, for records marked {@code manual}, by hand
 * where Faísca's semantics differ from DuckDB's. Plans are approved with
 * {@code -Dfaisca.slt.approvePlans=true}.
 */
class SqlScriptTest {
  private static final Path SCRIPTS = Path.of("src/test/resources/sql");
  private static Connection faisca;

  @TestFactory
  Stream<DynamicNode> scripts() throws Exception {
    faisca = DriverManager.getConnection(TestWarehouse.url());
    List<DynamicNode> containers = new ArrayList<>();
    try (Stream<Path> files = Files.list(SCRIPTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".slt")).sorted().toList()) {
        SqlScript script = SqlScript.read(file);
        complete(script);
        List<DynamicTest> tests = script.records().stream()
            .map(r -> DynamicTest.dynamicTest(r.name(), file.toUri(), () -> check(r)))
            .toList();
        containers.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), file.toUri(), tests.stream()));
      }
    }
    return containers.stream();
  }

  @AfterAll
  static void disconnect() throws SQLException {
    if (faisca != null) {
      faisca.close();
    }
  }

  private static void check(ScriptRecord record) throws Exception {
    switch (record.kind()) {
      case QUERY -> checkQuery(record);
      case ERROR -> checkError(record);
      case PLAN -> assertThat(plan(record.sql())).as(record.name()).isEqualTo(String.join("\n", record.expected()));
    }
  }

  private static void checkQuery(ScriptRecord record) throws SQLException {
    try (Statement statement = faisca.createStatement(); ResultSet rs = statement.executeQuery(record.sql())) {
      ResultSetMetaData md = rs.getMetaData();
      if (record.types() != null) {
        List<String> types = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          types.add(Cells.type(md, i));
        }
        assertThat(types).as("%s: column types", record.name()).isEqualTo(record.types());
      }
      List<String> actual = canonicalRows(Cells.read(rs), md, record.rowSort());
      List<List<String>> expectedCells = record.expected().stream().map(l -> List.of(l.split("\t", -1))).toList();
      List<String> expected = canonicalRows(expectedCells, md, record.rowSort());
      assertThat(actual).as("%s: rows", record.name()).isEqualTo(expected);
    }
  }

  private static List<String> canonicalRows(List<List<String>> rows, ResultSetMetaData md, boolean sort)
      throws SQLException {
    List<String> canonical = new ArrayList<>();
    for (List<String> row : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        boolean known = i < md.getColumnCount();
        cells.add(known ? Cells.canonical(row.get(i), md.getColumnType(i + 1), md.getScale(i + 1)) : row.get(i));
      }
      canonical.add(String.join("\t", cells));
    }
    if (sort) {
      canonical.sort(Comparator.naturalOrder());
    }
    return canonical;
  }

  private static void checkError(ScriptRecord record) {
    assertThatThrownBy(() -> {
      try (Statement statement = faisca.createStatement(); ResultSet rs = statement.executeQuery(record.sql())) {
        Cells.read(rs);
      }
    }).as(record.name())
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("SQLState of: " + e.getMessage())
            .isEqualTo(record.sqlState()))
        .hasMessageContaining(record.message());
  }

  private static String plan(String sql) throws SQLException {
    try (Statement statement = faisca.createStatement(); ResultSet rs = statement.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      rs.next();
      String calcite = rs.getString(1);
      return calcite.substring(calcite.indexOf('\n') + 1).stripTrailing();
    }
  }

  /** Fills in expected results from the oracle, and plans from Faísca for review, when asked to. */
  private static void complete(SqlScript script) throws SQLException, IOException {
    boolean completeRows = Boolean.getBoolean("faisca.slt.complete");
    boolean approvePlans = Boolean.getBoolean("faisca.slt.approvePlans");
    if (!completeRows && !approvePlans) {
      return;
    }
    try (Connection oracle = Fixtures.oracle()) {
      for (ScriptRecord record : script.records()) {
        if (completeRows && record.kind() == ScriptRecord.Kind.QUERY && !record.manual()) {
          try (Statement statement = oracle.createStatement(); ResultSet rs = statement.executeQuery(record.sql())) {
            List<String> rows = new ArrayList<>(Cells.read(rs).stream().map(r -> String.join("\t", r)).toList());
            if (record.rowSort()) {
              rows.sort(Comparator.naturalOrder());
            }
            script.replace(record.withExpected(rows));
          } catch (SQLException e) {
            System.err.println(script.file() + " " + record.name() + ": the oracle cannot run it, "
                + "write the expected rows by hand and mark it manual: " + e.getMessage());
          }
        }
        if (approvePlans && record.kind() == ScriptRecord.Kind.PLAN) {
          script.replace(record.withExpected(plan(record.sql()).lines().toList()));
        }
      }
    }
    script.write();
  }
}
