package io.faisca.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.faisca.jdbc.FaiscaVersion;
import io.faisca.server.ServerProcess;
import io.faisca.server.ServerState;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.calcite.avatica.AvaticaSpecificDatabaseMetaData;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a BI tool asks before it runs anything, over HTTP (protobuf) on the
 * TPC-H warehouse, with expectations taken from the schema the generator
 * writes; then prepared statements run many times with different parameters,
 * checked against DuckDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TpchRemoteMetadataTest {
  private static final String SCHEMA = "default";
  private static final List<String> TABLES = Stream.of(DuckDbOracle.TABLES).sorted().toList();

  private ServerProcess server;
  private Connection connection;
  private Connection duckdb;

  @BeforeAll
  void start() throws SQLException {
    server = ServerProcess.start("1g", "--warehouse", TpchTestData.warehouse().toString(),
        "--serialization", "protobuf");
    connection = DriverManager.getConnection(server.jdbcUrl("protobuf"));
    duckdb = DuckDbOracle.open(TpchTestData.warehouse());
  }

  @AfterAll
  void stop() throws SQLException {
    try {
      if (connection != null) {
        connection.close();
      }
      if (duckdb != null) {
        duckdb.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /**
   * Metadata is answered from the catalog (directory listings, Parquet
   * footers), never by running a query: a BI tool browsing tables must not
   * queue work on the cluster. Each test here reads the server's count of
   * Spark jobs started before and after, and it must not move.
   */
  @Nested
  class WithoutSparkJobs {
    private long jobsBefore;

    @BeforeEach
    void countJobs() throws InterruptedException {
      jobsBefore = settledJobsStarted();
    }

    @AfterEach
    void noJobStarted() throws InterruptedException {
      assertThat(settledJobsStarted()).as("Spark jobs started so far (metadata must start none)")
          .isEqualTo(jobsBefore);
    }

    @Test
    void noCatalogs() throws SQLException {
      try (ResultSet rs = metadata().getCatalogs()) {
        assertThat(labels(rs)).containsExactly("TABLE_CAT");
        assertThat(rs.next()).as("a catalog row").isFalse();
      }
    }

    @Test
    void oneSchemaMatchedByPattern() throws SQLException {
      assertThat(schemas(metadata().getSchemas())).containsExactly(tuple(SCHEMA, null));
      assertThat(schemas(metadata().getSchemas(null, null))).containsExactly(tuple(SCHEMA, null));
      assertThat(schemas(metadata().getSchemas(null, "def%"))).containsExactly(tuple(SCHEMA, null));
      assertThat(schemas(metadata().getSchemas(null, "nothing%"))).isEmpty();
    }

    @Test
    void tablesByNamePattern() throws SQLException {
      assertThat(tables("line%", null)).containsExactly(tuple(null, SCHEMA, "lineitem", "TABLE"));
      assertThat(tables("%", null)).extracting(row -> row.toList().get(2)).containsExactlyElementsOf(TABLES);
      assertThat(tables(null, null)).extracting(row -> row.toList().get(2)).containsExactlyElementsOf(TABLES);
      assertThat(tables("no_such%", null)).isEmpty();
    }

    @Test
    void tablesByType() throws SQLException {
      assertThat(tables("%", new String[] {"TABLE"})).hasSize(TABLES.size());
      assertThat(tables("%", new String[] {"VIEW"})).isEmpty();
    }

    @Test
    void lineitemColumnsAsGenerated() throws SQLException {
      try (ResultSet rs = metadata().getColumns(null, SCHEMA, "lineitem", null)) {
        assertThat(JdbcColumn.read(rs)).containsExactlyElementsOf(JdbcColumn.expected("lineitem"));
      }
    }

    @Test
    void ordersColumnsAsGenerated() throws SQLException {
      try (ResultSet rs = metadata().getColumns(null, null, "orders", "%")) {
        assertThat(JdbcColumn.read(rs)).containsExactlyElementsOf(JdbcColumn.expected("orders"));
      }
    }

    /** Columns come ordered by table, then position (JDBC), whatever tables the patterns reach. */
    @Test
    void columnsByNamePattern() throws SQLException {
      List<JdbcColumn> dates = TABLES.stream().flatMap(table -> JdbcColumn.expected(table).stream())
          .filter(column -> column.name().endsWith("date"))
          .sorted(Comparator.comparing(JdbcColumn::table).thenComparing(JdbcColumn::ordinal))
          .toList();
      assertThat(dates).extracting(JdbcColumn::name)
          .containsExactly("l_shipdate", "l_commitdate", "l_receiptdate", "o_orderdate");
      try (ResultSet rs = metadata().getColumns(null, SCHEMA, "%", "%date")) {
        assertThat(JdbcColumn.read(rs)).containsExactlyElementsOf(dates);
      }
      try (ResultSet rs = metadata().getColumns(null, SCHEMA, "lineitem", "no_such%")) {
        assertThat(rs.next()).as("a column row").isFalse();
      }
    }

    @Test
    void tableTypes() throws SQLException {
      try (ResultSet rs = metadata().getTableTypes()) {
        assertThat(strings(rs, "TABLE_TYPE")).containsExactly("TABLE", "VIEW");
      }
    }

    /** Lists every type the TPC-H columns have, ordered by DATA_TYPE as JDBC asks. */
    @Test
    void typeInfo() throws SQLException {
      List<Tuple> types = new ArrayList<>();
      try (ResultSet rs = metadata().getTypeInfo()) {
        while (rs.next()) {
          types.add(tuple(rs.getString("TYPE_NAME"), rs.getInt("DATA_TYPE")));
        }
      }
      Tuple[] tpchTypes = TABLES.stream().flatMap(table -> JdbcColumn.expected(table).stream())
          .map(column -> tuple(column.typeName(), column.dataType())).distinct().toArray(Tuple[]::new);
      assertThat(tpchTypes).hasSize(5);
      assertThat(types).contains(tpchTypes);
      assertThat(types).extracting(type -> (Integer) type.toList().get(1)).isSorted();
    }

    @Test
    void noKeys() throws SQLException {
      try (ResultSet rs = metadata().getPrimaryKeys(null, SCHEMA, "lineitem")) {
        assertThat(labels(rs)).containsExactly("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ",
            "PK_NAME");
        assertThat(rs.next()).as("a primary key row").isFalse();
      }
      try (ResultSet rs = metadata().getImportedKeys(null, SCHEMA, "lineitem")) {
        assertThat(labels(rs)).startsWith("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME")
            .hasSize(14);
        assertThat(rs.next()).as("an imported key row").isFalse();
      }
    }

    /**
     * The plain Avatica client answers getDatabaseProductName and -Version from
     * its own driver version, without asking the server: it says "Avatica",
     * whatever it is connected to. The server's name and version reach the
     * client as database properties, which the client exposes through its own
     * interface.
     */
    @Test
    void productNameAndVersion() throws SQLException {
      assertThat(metadata().getDatabaseProductName()).isEqualTo("Avatica");
      assertThat(metadata().getDatabaseProductVersion()).isEqualTo(metadata().getDriverVersion());
      Properties serverProperties =
          metadata().unwrap(AvaticaSpecificDatabaseMetaData.class).getRemoteAvaticaProperties();
      assertThat(serverProperties.getProperty("GET_DATABASE_PRODUCT_NAME")).isEqualTo(FaiscaVersion.PRODUCT_NAME);
      assertThat(serverProperties.getProperty("GET_DATABASE_PRODUCT_VERSION")).isEqualTo(FaiscaVersion.VERSION);
    }

    /** Double quotes keep an identifier's case (DESIGN.md §2). */
    @Test
    void identifiersQuotedWithDoubleQuotes() throws SQLException {
      assertThat(metadata().getIdentifierQuoteString()).isEqualTo("\"");
    }

    /** A tool describes a statement before it runs it: columns and parameters come from planning alone. */
    @Test
    void preparedStatementDescribedBeforeExecution() throws SQLException {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT o_orderkey, o_custkey, o_totalprice, o_orderdate, o_comment FROM orders WHERE o_orderdate < ?")) {
        assertDescribesOrdersColumns(statement.getMetaData());
        ParameterMetaData parameters = statement.getParameterMetaData();
        assertThat(parameters.getParameterCount()).isEqualTo(1);
        assertThat(parameters.getParameterType(1)).as("parameter type").isEqualTo(Types.DATE);
      }
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT n_name FROM nation WHERE n_regionkey = ? AND n_comment LIKE ?")) {
        ParameterMetaData parameters = statement.getParameterMetaData();
        assertThat(parameters.getParameterCount()).isEqualTo(2);
        assertThat(parameters.getParameterType(1)).as("parameter 1 type").isEqualTo(Types.INTEGER);
        assertThat(parameters.getParameterType(2)).as("parameter 2 type").isEqualTo(Types.VARCHAR);
      }
    }
  }

  /** What does start Spark jobs: statements that run. */
  @Nested
  class Queries {
    /** Also shows the job count moves when work runs, so the checks above can fail. */
    @Test
    void resultSetDescribesItsColumns() throws Exception {
      long jobsBefore = settledJobsStarted();
      try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
          "SELECT o_orderkey, o_custkey, o_totalprice, o_orderdate, o_comment FROM orders WHERE o_orderkey < 100")) {
        assertDescribesOrdersColumns(rs.getMetaData());
        assertThat(rs.next()).as("a row").isTrue();
      }
      assertThat(settledJobsStarted()).as("Spark jobs started so far").isGreaterThan(jobsBefore);
    }

    /** Prepared once, run with several dates: before all orders, within, on the last order date, after all. */
    @Test
    void ordersBeforeDate() throws SQLException {
      String sql = "SELECT COUNT(*) FROM orders WHERE o_orderdate < ?";
      try (PreparedStatement faisca = connection.prepareStatement(sql);
          PreparedStatement oracle = duckdb.prepareStatement(sql)) {
        for (String date : List.of("1992-01-01", "1995-03-15", "1998-08-02", "1999-01-01")) {
          faisca.setDate(1, Date.valueOf(date));
          oracle.setObject(1, LocalDate.parse(date));
          assertSameAnswer(sql + " with " + date, faisca, oracle);
        }
      }
    }

    @Test
    void nationsOfRegion() throws SQLException {
      String sql = "SELECT n_name FROM nation WHERE n_regionkey = ? ORDER BY n_name";
      try (PreparedStatement faisca = connection.prepareStatement(sql);
          PreparedStatement oracle = duckdb.prepareStatement(sql)) {
        for (int region : new int[] {0, 3, 4, 7}) {
          faisca.setInt(1, region);
          oracle.setInt(1, region);
          assertSameAnswer(sql + " with " + region, faisca, oracle);
        }
      }
    }
  }

  private void assertSameAnswer(String what, PreparedStatement faisca, PreparedStatement oracle)
      throws SQLException {
    try (ResultSet actual = faisca.executeQuery(); ResultSet expected = oracle.executeQuery()) {
      AnswerComparison.assertSameAnswer(what, QueryResult.read(actual), QueryResult.read(expected));
    }
  }

  /** The columns o_orderkey, o_custkey, o_totalprice, o_orderdate, o_comment as generated. */
  private static void assertDescribesOrdersColumns(ResultSetMetaData md) throws SQLException {
    List<JdbcColumn> orders = JdbcColumn.expected("orders");
    List<JdbcColumn> expected = Stream.of("o_orderkey", "o_custkey", "o_totalprice", "o_orderdate", "o_comment")
        .map(name -> orders.stream().filter(column -> column.name().equals(name)).findFirst().orElseThrow())
        .toList();
    assertThat(md.getColumnCount()).isEqualTo(expected.size());
    for (int i = 1; i <= expected.size(); i++) {
      JdbcColumn column = expected.get(i - 1);
      assertThat(md.getColumnLabel(i)).as("label of column %d", i).isEqualTo(column.name());
      assertThat(md.getColumnType(i)).as("type of %s", column.name()).isEqualTo(column.dataType());
      assertThat(md.getColumnTypeName(i)).as("type name of %s", column.name()).isEqualTo(column.typeName());
      assertThat(md.isNullable(i)).as("nullability of %s", column.name()).isEqualTo(column.nullable());
      if (column.decimalDigits() != null) {
        assertThat(md.getPrecision(i)).as("precision of %s", column.name()).isEqualTo(column.columnSize());
        assertThat(md.getScale(i)).as("scale of %s", column.name()).isEqualTo(column.decimalDigits());
      }
    }
  }

  private DatabaseMetaData metadata() throws SQLException {
    return connection.getMetaData();
  }

  /** Rows of getTables as (TABLE_CAT, TABLE_SCHEM, TABLE_NAME, TABLE_TYPE). */
  private List<Tuple> tables(String pattern, String[] types) throws SQLException {
    List<Tuple> tables = new ArrayList<>();
    try (ResultSet rs = metadata().getTables(null, SCHEMA, pattern, types)) {
      while (rs.next()) {
        tables.add(tuple(rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"),
            rs.getString("TABLE_TYPE")));
      }
    }
    return tables;
  }

  /** Rows of getSchemas as (TABLE_SCHEM, TABLE_CATALOG). */
  private static List<Tuple> schemas(ResultSet rs) throws SQLException {
    try (rs) {
      List<Tuple> schemas = new ArrayList<>();
      while (rs.next()) {
        schemas.add(tuple(rs.getString("TABLE_SCHEM"), rs.getString("TABLE_CATALOG")));
      }
      return schemas;
    }
  }

  private static List<String> strings(ResultSet rs, String column) throws SQLException {
    List<String> values = new ArrayList<>();
    while (rs.next()) {
      values.add(rs.getString(column));
    }
    return values;
  }

  private static List<String> labels(ResultSet rs) throws SQLException {
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
      labels.add(rs.getMetaData().getColumnLabel(i));
    }
    return labels;
  }

  /** Spark jobs started so far, read once the count stands still: Spark announces job starts asynchronously. */
  private long settledJobsStarted() throws InterruptedException {
    ServerState state = server.status();
    for (int attempt = 0; attempt < 100; attempt++) {
      Thread.sleep(100);
      ServerState next = server.status();
      if (next.sparkJobsStarted() == state.sparkJobsStarted() && next.activeSparkJobs() == 0) {
        return next.sparkJobsStarted();
      }
      state = next;
    }
    throw new AssertionError("Spark jobs keep starting on a server nobody queries: " + state);
  }
}
