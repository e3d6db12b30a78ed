package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.hadoop.conf.Configuration;

/**
 * Builds a table's metadata from its file listing: reads every footer,
 * checks the files agree on their columns, and sums their statistics.
 */
final class TableLoader {
  private TableLoader() {
  }

  static TableMetadata load(String name, String location, List<TableFiles.Listed> files, Configuration conf) {
    List<ParquetFooterReader.FileSummary> summaries = files.parallelStream()
        .map(f -> ParquetFooterReader.read(conf, f.status()))
        .toList();
    long rowCount = summaries.stream().mapToLong(ParquetFooterReader.FileSummary::rowCount).sum();
    List<ColumnMetadata> columns = new ArrayList<>(mergeDataColumns(name, files, summaries, rowCount));
    List<Long> rowCounts = summaries.stream().map(ParquetFooterReader.FileSummary::rowCount).toList();
    for (ColumnMetadata partition : PartitionColumns.infer(files, rowCounts)) {
      if (columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(partition.name()))) {
        throw new FaiscaException(ErrorCode.INCONSISTENT_TABLE, "Table '" + name + "' has a column '"
            + partition.name() + "' both in its files and in its partition directory names");
      }
      columns.add(partition);
    }
    if (columns.isEmpty()) {
      throw new FaiscaException(ErrorCode.INCONSISTENT_TABLE,
          "Table '" + name + "' has no column of a type Faísca can read");
    }
    List<DataFile> dataFiles = files.stream().map(TableFiles.Listed::toDataFile).toList();
    return new TableMetadata(name, location, FileFormat.PARQUET, dataFiles, columns, rowCount);
  }

  private static List<ColumnMetadata> mergeDataColumns(String table, List<TableFiles.Listed> files,
      List<ParquetFooterReader.FileSummary> summaries, long rowCount) {
    Map<String, Merged> merged = new LinkedHashMap<>();
    for (int i = 0; i < summaries.size(); i++) {
      ParquetFooterReader.FileSummary summary = summaries.get(i);
      String path = files.get(i).status().getPath().toString();
      for (ColumnMetadata column : summary.columns()) {
        Merged existing = merged.get(column.name());
        if (existing == null) {
          merged.put(column.name(), new Merged(column, path, summary.rowCount()));
          existing = merged.get(column.name());
        } else {
          existing.add(table, column, path, summary.rowCount());
        }
        existing.dictionaries(summary.dictionaries()
            .getOrDefault(column.name(), ParquetFooterReader.Dictionaries.UNKNOWN));
      }
    }
    return merged.values().stream().map(m -> m.toColumn(rowCount)).toList();
  }

  /** One column folded over the files that have it. */
  private static final class Merged {
    private final ColumnMetadata first;
    private final String firstPath;
    private long rowsSeen;
    private long nulls;
    private boolean nullable;
    private Double min;
    private Double max;
    private boolean rangeKnown = true;
    private ParquetFooterReader.Dictionaries dictionaries;

    Merged(ColumnMetadata first, String firstPath, long rows) {
      this.first = first;
      this.firstPath = firstPath;
      fold(first, rows);
    }

    void add(String table, ColumnMetadata column, String path, long rows) {
      if (column.type() != first.type() || column.precision() != first.precision()
          || column.scale() != first.scale()) {
        throw new FaiscaException(ErrorCode.INCONSISTENT_TABLE, "Files of table '" + table
            + "' disagree on the type of column '" + column.name() + "': " + first.typeName()
            + " in '" + firstPath + "' but " + column.typeName() + " in '" + path + "'");
      }
      fold(column, rows);
    }

    void dictionaries(ParquetFooterReader.Dictionaries more) {
      dictionaries = dictionaries == null ? more : dictionaries.merge(more);
    }

    private void fold(ColumnMetadata column, long rows) {
      ColumnStatistics s = column.statistics();
      rowsSeen += rows;
      nulls += s.nullCount();
      nullable |= column.nullable();
      if (s.min() == null || s.max() == null) {
        // A file whose values are all NULL has no range; any other file without one leaves it unknown.
        rangeKnown &= s.nullCount() == rows;
        return;
      }
      min = min == null ? s.min() : Math.min(min, s.min());
      max = max == null ? s.max() : Math.max(max, s.max());
    }

    ColumnMetadata toColumn(long rowCount) {
      long missingRows = rowCount - rowsSeen;
      long totalNulls = nulls + missingRows;
      Double low = rangeKnown ? min : null;
      Double high = rangeKnown ? max : null;
      Double distinct = estimateDistinct(first, rowCount - totalNulls, low, high, dictionaries);
      return first.withNullable(nullable || missingRows > 0)
          .withStatistics(new ColumnStatistics(totalNulls, low, high, distinct));
    }
  }

  /**
   * Footers carry no distinct counts, but two things bound them cheaply: the
   * value range of integral types (keys, dates, small codes), and the size of
   * the dictionaries writers keep while values repeat. A column whose
   * dictionary overflowed is taken to be nearly unique.
   */
  static Double estimateDistinct(ColumnMetadata column, long nonNullRows, Double min, Double max,
      ParquetFooterReader.Dictionaries dictionaries) {
    if (nonNullRows <= 0) {
      return 0d;
    }
    if (column.type() == SqlTypeName.BOOLEAN) {
      return (double) Math.min(2, nonNullRows);
    }
    Double fromRange = rangeDistinct(column, nonNullRows, min, max);
    Double fromDictionary = dictionaryDistinct(nonNullRows, dictionaries);
    if (fromRange == null || fromDictionary == null) {
      return fromRange != null ? fromRange : fromDictionary;
    }
    return Math.min(fromRange, fromDictionary);
  }

  private static Double dictionaryDistinct(long nonNullRows, ParquetFooterReader.Dictionaries dictionaries) {
    if (dictionaries == null) {
      return null;
    }
    switch (dictionaries.kind()) {
      case COMPLETE:
        return (double) Math.min(nonNullRows, Math.max(1, dictionaries.largest()));
      case FELL_BACK:
        return (double) nonNullRows;
      default:
        return null;
    }
  }

  private static Double rangeDistinct(ColumnMetadata column, long nonNullRows, Double min, Double max) {
    if (min == null || max == null) {
      return null;
    }
    double steps;
    switch (column.type()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case DATE:
        steps = max - min + 1;
        break;
      case DECIMAL:
        steps = Math.rint((max - min) * Math.pow(10, column.scale())) + 1;
        break;
      default:
        return null;
    }
    return Math.min((double) nonNullRows, steps);
  }
}
