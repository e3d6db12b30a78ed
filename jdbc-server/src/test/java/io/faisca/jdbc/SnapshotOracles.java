package io.faisca.jdbc;

import io.faisca.catalog.DataFile;
import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import io.faisca.hdfs.WarehouseRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Other engines' answers over the files of managed tables' current snapshots:
 * DuckDB reading them with each column matched by its Iceberg field id (as
 * Iceberg readers do), and Iceberg's own generic reader. Rows are rendered
 * as {@link ResultRows} renders Faísca's.
 */
final class SnapshotOracles {
  private SnapshotOracles() {
  }

  /**
   * DuckDB's answer to {@code sql}, over one view per table named as in Faísca ({@code t} for the
   * default schema, {@code s.t} for others), each reading exactly its table's files.
   */
  static List<String> duckdb(Path warehouse, String sql, TableName... tables) throws SQLException {
    return duckdb(Warehouse.open(warehouse.toString()), path -> URI.create(path).getPath(), sql, tables);
  }

  /** As {@link #duckdb(Path, String, TableName...)}, on a warehouse that may be on HDFS. */
  static List<String> duckdb(WarehouseRoot warehouse, String sql, TableName... tables) throws SQLException {
    return duckdb(warehouse.open(), warehouse::localPath, sql, tables);
  }

  /** DuckDB reads local files only: {@code localPath} gives one holding a data file's bytes. */
  private static List<String> duckdb(Warehouse opened, UnaryOperator<String> localPath, String sql,
      TableName... tables) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement views = duckdb.createStatement()) {
      for (TableName name : tables) {
        Table table = opened.managedTables().load(name).orElseThrow();
        String files = opened.table(name).orElseThrow().files().stream().map(DataFile::path)
            .map(path -> "'" + localPath.apply(path) + "'").collect(Collectors.joining(", "));
        String view = name.inDefaultSchema() ? name.name() : name.schema() + "." + name.name();
        if (!name.inDefaultSchema()) {
          views.execute("CREATE SCHEMA IF NOT EXISTS " + name.schema());
        }
        views.execute("CREATE VIEW " + view + " AS SELECT * FROM read_parquet([" + files + "], schema = "
            + byFieldId(table) + ")");
      }
      return ResultRows.of(views, sql);
    }
  }

  /** Every row of the table as Iceberg's generic reader reads it, columns in the table's order. */
  static List<String> iceberg(Path warehouse, TableName name) {
    return iceberg(Warehouse.open(warehouse.toString()), name);
  }

  static List<String> iceberg(WarehouseRoot warehouse, TableName name) {
    return iceberg(warehouse.open(), name);
  }

  private static List<String> iceberg(Warehouse opened, TableName name) {
    Table table = opened.managedTables().load(name).orElseThrow();
    List<String> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record record : records) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
          cells.add(String.valueOf(record.get(i)));
        }
        rows.add(String.join("|", cells));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** DuckDB's schema parameter of read_parquet: each field id, the column's name and type today. */
  private static String byFieldId(Table table) {
    return table.schema().columns().stream()
        .map(field -> field.fieldId() + ": {name: '" + field.name() + "', type: '" + duckdbType(field.type())
            + "', default_value: NULL}")
        .collect(Collectors.joining(", ", "MAP {", "}"));
  }

  private static String duckdbType(Type type) {
    return switch (type.typeId()) {
      case BOOLEAN -> "BOOLEAN";
      case INTEGER -> "INTEGER";
      case LONG -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case DATE -> "DATE";
      case STRING -> "VARCHAR";
      case DECIMAL -> "DECIMAL(" + ((Types.DecimalType) type).precision() + ", " + ((Types.DecimalType) type).scale()
          + ")";
      default -> throw new IllegalArgumentException("No DuckDB type for " + type + " in these tests");
    };
  }
}
