package io.faisca.tpch.bench;

/** An engine under measurement. */
interface BenchEngine extends AutoCloseable {
  String name();

  Measurement run(String sql) throws Exception;

  @Override void close() throws Exception;
}
