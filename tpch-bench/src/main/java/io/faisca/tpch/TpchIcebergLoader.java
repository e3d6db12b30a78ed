package io.faisca.tpch;

import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Turns the raw TPC-H tables of a warehouse into managed Iceberg tables, the
 * way a user would: each raw directory {@code t} is renamed {@code t_raw}
 * (a managed table cannot take a raw directory's name), then
 * {@code CREATE TABLE t AS SELECT * FROM t_raw} through the embedded JDBC
 * driver, then the directory is removed, so the warehouse ends up holding the
 * Iceberg tables alone.
 */
public final class TpchIcebergLoader {
  /** The eight tables, in the generator's order. */
  public static final List<String> TABLES = TpchTable.getTables().stream().map(TpchTable::getTableName).toList();

  private final Path warehouse;
  private final Configuration conf;

  public TpchIcebergLoader(String warehouse, Configuration conf) {
    this.warehouse = new Path(warehouse);
    this.conf = conf;
  }

  /** The embedded driver's URL for a warehouse. */
  public static String url(String warehouse, String master) {
    return "jdbc:faisca:warehouse=" + warehouse + ";master=" + master;
  }

  /** One table loaded: its rows, and the seconds its CREATE TABLE AS took. */
  public record LoadedTable(String name, long rows, double seconds) {
  }

  /**
   * Removes the TPC-H tables a previous load left, managed or raw, so that new ones can be loaded:
   * the raw directory first, since DROP TABLE refuses a name that is only a directory of files.
   */
  public void dropTables(Connection connection) throws SQLException, IOException {
    try (Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        deleteRawDirectory(table);
        deleteRawDirectory(staged(table));
        statement.execute("DROP TABLE IF EXISTS " + table);
      }
    }
  }

  /** Loads each raw table as a managed one and removes its directory, reporting each table as it is done. */
  public List<LoadedTable> load(Connection connection, Consumer<LoadedTable> progress)
      throws SQLException, IOException {
    List<LoadedTable> loaded = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        Path raw = new Path(warehouse, table);
        if (!raw.getFileSystem(conf).rename(raw, new Path(warehouse, staged(table)))) {
          throw new IOException("Cannot rename '" + raw + "' to '" + staged(table) + "'");
        }
        long start = System.nanoTime();
        long rows = statement.executeLargeUpdate("CREATE TABLE " + table + " AS SELECT * FROM " + staged(table));
        LoadedTable done = new LoadedTable(table, rows, (System.nanoTime() - start) / 1e9);
        deleteRawDirectory(staged(table));
        loaded.add(done);
        progress.accept(done);
      }
    }
    return loaded;
  }

  private static String staged(String table) {
    return table + "_raw";
  }

  private void deleteRawDirectory(String table) throws IOException {
    Path dir = new Path(warehouse, table);
    dir.getFileSystem(conf).delete(dir, true);
  }
}
