package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/** Reads one Parquet footer into columns and column statistics, without touching the data pages. */
final class ParquetFooterReader {
  private ParquetFooterReader() {
  }

  /** Columns of one file, with statistics for that file alone. */
  record FileSummary(List<ColumnMetadata> columns, long rowCount, Map<String, Dictionaries> dictionaries) {
  }

  /**
   * What the dictionary pages of one column in one file say about its distinct
   * values. A writer keeps a dictionary while values repeat and falls back to
   * plain encoding when there are too many of them.
   */
  record Dictionaries(Kind kind, long largest) {
    enum Kind {
      /** Every page is dictionary-encoded: no row group has more distinct values than {@code largest}. */
      COMPLETE,
      /** The writer gave up on its dictionary: many distinct values. */
      FELL_BACK,
      /** Nothing to go by. */
      UNKNOWN
    }

    static final Dictionaries UNKNOWN = new Dictionaries(Kind.UNKNOWN, 0);

    Dictionaries merge(Dictionaries other) {
      if (kind == Kind.UNKNOWN || other.kind == Kind.UNKNOWN) {
        return UNKNOWN;
      }
      if (kind == Kind.FELL_BACK || other.kind == Kind.FELL_BACK) {
        return new Dictionaries(Kind.FELL_BACK, 0);
      }
      return new Dictionaries(Kind.COMPLETE, Math.max(largest, other.largest));
    }
  }

  static FileSummary read(Configuration conf, FileStatus status) {
    ParquetMetadata footer;
    Map<String, Dictionaries> dictionaries = new HashMap<>();
    try {
      HadoopInputFile file = HadoopInputFile.fromStatus(status, conf);
      try (ParquetFileReader reader = ParquetFileReader.open(file)) {
        footer = reader.getFooter();
      }
      try (SeekableInputStream in = file.newStream()) {
        for (BlockMetaData block : footer.getBlocks()) {
          for (ColumnChunkMetaData chunk : block.getColumns()) {
            if (chunk.getPath().size() == 1) {
              dictionaries.merge(chunk.getPath().toDotString(), dictionaries(in, chunk), Dictionaries::merge);
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new FaiscaException(ErrorCode.CORRUPT_FILE,
          "Cannot read Parquet file '" + status.getPath() + "': " + reason(e), e);
    }
    MessageType schema = footer.getFileMetaData().getSchema();
    Map<String, RangeAccumulator> ranges = new HashMap<>();
    long rowCount = 0;
    for (BlockMetaData block : footer.getBlocks()) {
      rowCount += block.getRowCount();
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        if (chunk.getPath().size() == 1) {
          ranges.computeIfAbsent(chunk.getPath().toDotString(), k -> new RangeAccumulator())
              .add(chunk.getStatistics());
        }
      }
    }
    List<ColumnMetadata> columns = new ArrayList<>();
    for (Type field : schema.getFields()) {
      ParquetTypes.toColumn(field).ifPresent(column -> {
        RangeAccumulator range = ranges.getOrDefault(field.getName(), new RangeAccumulator());
        columns.add(column.withStatistics(range.toStatistics(column)));
      });
    }
    return new FileSummary(columns, rowCount, dictionaries);
  }

  /** Reads only the header of a chunk's dictionary page: it holds the number of entries. */
  private static Dictionaries dictionaries(SeekableInputStream in, ColumnChunkMetaData chunk) throws IOException {
    EncodingStats stats = chunk.getEncodingStats();
    if (stats == null || !stats.hasDictionaryEncodedPages() || !chunk.hasDictionaryPage()) {
      return Dictionaries.UNKNOWN;
    }
    if (stats.hasNonDictionaryEncodedPages()) {
      return new Dictionaries(Dictionaries.Kind.FELL_BACK, 0);
    }
    in.seek(chunk.getDictionaryPageOffset());
    PageHeader header = Util.readPageHeader(in);
    if (!header.isSetDictionary_page_header()) {
      return Dictionaries.UNKNOWN;
    }
    return new Dictionaries(Dictionaries.Kind.COMPLETE, header.getDictionary_page_header().getNum_values());
  }

  private static String reason(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message.contains("is not a Parquet file") ? "not a Parquet file (no Parquet magic number)" : message;
  }

  /** Folds the per-chunk statistics of one column into totals for the file. */
  private static final class RangeAccumulator {
    private long nullCount;
    private Double min;
    private Double max;
    private boolean complete = true;

    void add(Statistics<?> statistics) {
      if (statistics == null || statistics.isEmpty()) {
        complete = false;
        return;
      }
      if (statistics.isNumNullsSet()) {
        nullCount += statistics.getNumNulls();
      }
      if (!statistics.hasNonNullValue()) {
        return;
      }
      Double low = asDouble(statistics.genericGetMin(), statistics);
      Double high = asDouble(statistics.genericGetMax(), statistics);
      if (low == null || high == null) {
        complete = false;
        return;
      }
      min = min == null ? low : Math.min(min, low);
      max = max == null ? high : Math.max(max, high);
    }

    ColumnStatistics toStatistics(ColumnMetadata column) {
      if (!complete || !isOrderedNumber(column.type())) {
        return new ColumnStatistics(nullCount, null, null, null);
      }
      double scale = column.type() == SqlTypeName.DECIMAL ? Math.pow(10, column.scale()) : 1;
      Double low = min == null ? null : min / scale;
      Double high = max == null ? null : max / scale;
      return new ColumnStatistics(nullCount, low, high, null);
    }

    private static boolean isOrderedNumber(SqlTypeName type) {
      switch (type) {
        case TINYINT:
        case SMALLINT:
        case INTEGER:
        case BIGINT:
        case DECIMAL:
        case REAL:
        case DOUBLE:
        case DATE:
          return true;
        default:
          return false;
      }
    }

    /** Raw (unscaled) value of a statistic as a double; decimals are scaled by the caller. */
    private static Double asDouble(Object value, Statistics<?> statistics) {
      if (value instanceof Integer number && statistics.type().getLogicalTypeAnnotation()
          instanceof org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation integer
          && !integer.isSigned()) {
        // UINT32 lives in an INT32: values from 2^31 up read as negative ints.
        return (double) Integer.toUnsignedLong(number);
      }
      if (value instanceof Number number) {
        double d = number.doubleValue();
        return Double.isNaN(d) ? null : d;
      }
      if (value instanceof Binary binary && statistics.type().getLogicalTypeAnnotation()
          instanceof org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
        return new BigDecimal(new BigInteger(binary.getBytes())).doubleValue();
      }
      return null;
    }
  }
}
