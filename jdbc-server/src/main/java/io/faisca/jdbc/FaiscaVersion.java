package io.faisca.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Product name and version, as the build recorded them. */
public final class FaiscaVersion {
  public static final String PRODUCT_NAME = "Faísca";
  public static final String DRIVER_NAME = "Faísca JDBC Driver";
  public static final String VERSION = load();

  private FaiscaVersion() {
  }

  public static int major() {
    return part(0);
  }

  public static int minor() {
    return part(1);
  }

  private static int part(int index) {
    String[] parts = VERSION.replaceAll("-.*$", "").split("\\.");
    try {
      return index < parts.length ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String load() {
    try (InputStream in = FaiscaVersion.class.getResourceAsStream("faisca-version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "0.0.0");
    } catch (IOException e) {
      return "0.0.0";
    }
  }
}
