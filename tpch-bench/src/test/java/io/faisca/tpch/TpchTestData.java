package io.faisca.tpch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * TPC-H SF 0.01, generated once per build under target/. By hand, point the
 * tests at a larger data set with {@code -Dfaisca.tpch.warehouse=DIR} (as
 * written by {@code faisca tpch-gen}).
 */
final class TpchTestData {
  static final double SCALE_FACTOR = 0.01;
  private static final Path DIR = Path.of(System.getProperty("faisca.test.tmp", "target"), "tpch-sf0.01");
  private static final Path COMPLETE = DIR.resolve("_generated");

  private TpchTestData() {
  }

  static synchronized Path warehouse() {
    String given = System.getProperty("faisca.tpch.warehouse");
    if (given != null && !given.isBlank()) {
      return Path.of(given).toAbsolutePath();
    }
    if (!Files.exists(COMPLETE)) {
      try {
        new TpchGenerator(SCALE_FACTOR, DIR.toAbsolutePath().toString(), new Configuration()).generate(2);
        Files.writeString(COMPLETE, "TPC-H SF " + SCALE_FACTOR + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return DIR.toAbsolutePath();
  }

  /** The embedded driver's URL for the test warehouse, on the test JVM's one Spark session. */
  static String embeddedUrl() {
    return "jdbc:faisca:warehouse=" + warehouse() + ";master=local[2]";
  }
}
