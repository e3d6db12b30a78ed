package io.faisca.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The 22 TPC-H queries with the specification's validation parameters,
 * in standard SQL (q15's view written as WITH).
 */
public final class TpchQueries {
  private TpchQueries() {
  }

  /** Names q01 to q22. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= 22; i++) {
      names.add(String.format("q%02d", i));
    }
    return names;
  }

  public static String text(String name) {
    try (InputStream in = TpchQueries.class.getResourceAsStream("queries/" + name + ".sql")) {
      if (in == null) {
        throw new IllegalArgumentException("No TPC-H query named " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
