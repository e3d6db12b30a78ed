package io.faisca.sql;

import java.nio.file.Path;

/** The fixture warehouse and the embedded URL every JDBC test of this module connects with. */
public final class TestWarehouse {
  private TestWarehouse() {
  }

  public static Path path() {
    return Fixtures.warehouse();
  }

  public static String url() {
    return "jdbc:faisca:warehouse=" + path() + ";master=local[2]";
  }
}
