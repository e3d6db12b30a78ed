package io.faisca.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes small Parquet files for tests, through Hadoop's local file system as
 * real writers do (so {@code .crc} side files appear next to them).
 *
 * <p>Rows are arrays of values in schema order; {@code null} leaves a field
 * unset. Integer, Long, Boolean, Float, Double and String map to the
 * matching Parquet primitives; byte[] is written as a binary (for example an
 * unscaled big-endian decimal).
 */
final class ParquetFiles {
  private ParquetFiles() {
  }

  static Object[] row(Object... values) {
    return values;
  }

  /** {@code count} rows, the i-th made by {@code row.apply(i)}. */
  static Object[][] rows(int count, IntFunction<Object[]> row) {
    return IntStream.range(0, count).mapToObj(row).toArray(Object[][]::new);
  }

  /** Writes with the writer's defaults, dictionary encoding included. */
  static Path write(Path file, String schema, Object[]... rows) {
    return write(file, schema, UnaryOperator.identity(), rows);
  }

  /** Writes every column plain-encoded, so footers say nothing about dictionaries. */
  static Path writeWithoutDictionary(Path file, String schema, Object[]... rows) {
    return write(file, schema, builder -> builder.withDictionaryEncoding(false), rows);
  }

  /**
   * Writes small pages and a small (512 byte) dictionary limit. A column
   * whose first rows repeat a few values gets dictionary-encoded first pages;
   * once its later values overflow the dictionary, the writer falls back to
   * plain encoding for the rest. (A column unique from the start is never
   * dictionary-encoded at all: the writer sees no gain and drops it.)
   */
  static Path writeWithOverflowingDictionary(Path file, String schema, Object[]... rows) {
    return write(file, schema, builder -> builder
        .withDictionaryPageSize(512)
        .withPageRowCountLimit(10)
        .withMinRowCountForPageSizeCheck(1), rows);
  }

  static Path write(Path file, String schema, UnaryOperator<ExampleParquetWriter.Builder> options,
      Object[]... rows) {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try {
      Files.createDirectories(file.getParent());
      ExampleParquetWriter.Builder builder = ExampleParquetWriter
          .builder(new org.apache.hadoop.fs.Path(file.toUri()))
          .withConf(new Configuration())
          .withType(type)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
      try (ParquetWriter<Group> writer = options.apply(builder).build()) {
        for (Object[] row : rows) {
          writer.write(toGroup(groups.newGroup(), row));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static Group toGroup(Group group, Object[] row) {
    for (int i = 0; i < row.length; i++) {
      Object value = row[i];
      if (value == null) {
        continue;
      }
      if (value instanceof Integer v) {
        group.add(i, v);
      } else if (value instanceof Long v) {
        group.add(i, v);
      } else if (value instanceof Boolean v) {
        group.add(i, v);
      } else if (value instanceof Float v) {
        group.add(i, v);
      } else if (value instanceof Double v) {
        group.add(i, v);
      } else if (value instanceof String v) {
        group.add(i, v);
      } else if (value instanceof byte[] v) {
        group.add(i, Binary.fromConstantByteArray(v));
      } else {
        throw new IllegalArgumentException("No Parquet value for " + value.getClass());
      }
    }
    return group;
  }
}
