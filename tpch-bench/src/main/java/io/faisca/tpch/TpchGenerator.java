package io.faisca.tpch;

import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Generates the eight TPC-H tables as Parquet, one directory per table, large
 * tables split into files of about a million rows written in parallel.
 */
public final class TpchGenerator {
  private static final long ROWS_PER_FILE = 1_000_000;

  private final double scaleFactor;
  private final Path out;
  private final Configuration conf;

  public TpchGenerator(double scaleFactor, String out, Configuration conf) {
    if (!(scaleFactor > 0)) {
      throw new IllegalArgumentException("scale factor must be positive, got " + scaleFactor);
    }
    this.scaleFactor = scaleFactor;
    this.out = new Path(out);
    this.conf = conf;
  }

  /** Writes every table; returns the number of rows written. */
  public long generate(int threads) throws IOException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<Long>> parts = new ArrayList<>();
      for (TpchTable<?> table : TpchTable.getTables()) {
        FileSystem fs = out.getFileSystem(conf);
        Path dir = new Path(out, table.getTableName());
        fs.delete(dir, true);
        fs.mkdirs(dir);
        int partCount = partCount(table);
        for (int part = 1; part <= partCount; part++) {
          int p = part;
          parts.add(pool.submit(() -> writePart(table, dir, p, partCount)));
        }
      }
      long rows = 0;
      for (Future<Long> part : parts) {
        rows += get(part);
      }
      return rows;
    } finally {
      pool.shutdownNow();
    }
  }

  private int partCount(TpchTable<?> table) {
    double rows = approximateRows(table.getTableName()) * scaleFactor;
    return (int) Math.max(1, Math.ceil(rows / ROWS_PER_FILE));
  }

  private static double approximateRows(String table) {
    switch (table) {
      case "lineitem":
        return 6_000_000;
      case "orders":
        return 1_500_000;
      case "partsupp":
        return 800_000;
      case "part":
        return 200_000;
      case "customer":
        return 150_000;
      case "supplier":
        return 10_000;
      default:
        return 0;
    }
  }

  private <E extends TpchEntity> long writePart(TpchTable<E> table, Path dir, int part, int partCount)
      throws IOException {
    List<TpchColumnSpec<E>> columns = table.getColumns().stream().map(TpchColumnSpec::new).toList();
    Path file = new Path(dir, String.format("part-%05d.parquet", part - 1));
    long rows = 0;
    try (ParquetWriter<E> writer = new Builder<>(file, new TpchWriteSupport<>(table.getTableName(), columns))
        .withConf(conf)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .build()) {
      for (E row : table.createGenerator(scaleFactor, part, partCount)) {
        writer.write(row);
        rows++;
      }
    }
    return rows;
  }

  private static long get(Future<Long> future) throws IOException, InterruptedException {
    try {
      return future.get();
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException unchecked) {
        throw unchecked.getCause();
      }
      throw new IllegalStateException(cause);
    }
  }

  private static final class Builder<E> extends ParquetWriter.Builder<E, Builder<E>> {
    private final WriteSupport<E> writeSupport;

    Builder(Path file, WriteSupport<E> writeSupport) {
      super(file);
      this.writeSupport = writeSupport;
    }

    @Override protected Builder<E> self() {
      return this;
    }

    @Override protected WriteSupport<E> getWriteSupport(Configuration conf) {
      return writeSupport;
    }
  }
}
