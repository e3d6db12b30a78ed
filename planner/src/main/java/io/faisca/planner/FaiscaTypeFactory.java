package io.faisca.planner;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;

/**
 * Calcite's type factory with Faísca's type system and UTF-8 for character
 * strings, as Parquet, Iceberg and Spark store them. Calcite's default,
 * ISO-8859-1, cannot encode a literal such as {@code '日本語'} or {@code '😀'}.
 */
public final class FaiscaTypeFactory extends JavaTypeFactoryImpl {
  public FaiscaTypeFactory() {
    super(FaiscaTypeSystem.INSTANCE);
  }

  @Override public Charset getDefaultCharset() {
    return StandardCharsets.UTF_8;
  }
}
