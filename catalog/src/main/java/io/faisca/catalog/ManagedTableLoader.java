package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * What the planner knows of a managed table, from Iceberg's metadata alone:
 * the data files of the current snapshot, the columns of the current schema,
 * and row counts, null counts and value ranges from the manifests (distinct
 * counts estimated from the ranges). No data file is opened.
 */
final class ManagedTableLoader {
  private ManagedTableLoader() {
  }

  static TableMetadata load(String name, Table table) {
    List<DataFile> files = new ArrayList<>();
    Map<Integer, Range> ranges = new HashMap<>();
    Map<Integer, Long> nulls = new HashMap<>();
    long rows = 0;
    FileFormat format = format(table);
    Snapshot snapshot = table.currentSnapshot();
    if (snapshot != null) {
      try (CloseableIterable<FileScanTask> tasks = table.newScan().includeColumnStats().planFiles()) {
        for (FileScanTask task : tasks) {
          if (!task.deletes().isEmpty()) {
            throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Table '" + name + "' has Iceberg delete files"
                + " (written by another engine); Faísca reads only tables without them");
          }
          org.apache.iceberg.DataFile file = task.file();
          if (!file.format().name().equals(format.name())) {
            throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Table '" + name + "' is stored as " + format
                + " but has " + file.format() + " file '" + file.location() + "' (written by another engine);"
                + " Faísca reads tables of one format");
          }
          files.add(new DataFile(file.location(), file.fileSizeInBytes(), snapshot.timestampMillis(), Map.of()));
          rows += file.recordCount();
          add(file, table, ranges, nulls);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<ColumnMetadata> columns = new ArrayList<>();
    for (Types.NestedField field : table.schema().columns()) {
      Range range = ranges.get(field.fieldId());
      Double low = range == null ? null : range.min;
      Double high = range == null ? null : range.max;
      long nullCount = nulls.getOrDefault(field.fieldId(), 0L);
      ColumnMetadata column = column(name, field);
      // Manifests hold no distinct counts; as for raw files, a value range bounds them (keys, dates, codes).
      Double distinct = TableLoader.estimateDistinct(column, rows - nullCount, low, high, null);
      columns.add(column.withStatistics(new ColumnStatistics(nullCount, low, high, distinct)));
    }
    return new TableMetadata(name, table.location(), format, files, columns, rows);
  }

  /** The format the table writes its data in; Spark reads each format with a reader of its own. */
  private static FileFormat format(Table table) {
    return FileFormat.named(table.properties().getOrDefault(TableProperties.DEFAULT_FILE_FORMAT,
        TableProperties.DEFAULT_FILE_FORMAT_DEFAULT));
  }

  /** The column Faísca reads for an Iceberg field, by its id. */
  static ColumnMetadata column(String table, Types.NestedField field) {
    return sqlColumn(table, field).withFieldId(field.fieldId());
  }

  private static ColumnMetadata sqlColumn(String table, Types.NestedField field) {
    Type type = field.type();
    boolean nullable = field.isOptional();
    int unspecified = RelDataType.PRECISION_NOT_SPECIFIED;
    return switch (type.typeId()) {
      case BOOLEAN -> ColumnMetadata.of(field.name(), SqlTypeName.BOOLEAN, nullable);
      case INTEGER -> ColumnMetadata.of(field.name(), SqlTypeName.INTEGER, nullable);
      case LONG -> ColumnMetadata.of(field.name(), SqlTypeName.BIGINT, nullable);
      case FLOAT -> ColumnMetadata.of(field.name(), SqlTypeName.REAL, nullable);
      case DOUBLE -> ColumnMetadata.of(field.name(), SqlTypeName.DOUBLE, nullable);
      case DATE -> ColumnMetadata.of(field.name(), SqlTypeName.DATE, nullable);
      case STRING -> ColumnMetadata.of(field.name(), SqlTypeName.VARCHAR, nullable);
      case BINARY, FIXED -> ColumnMetadata.of(field.name(), SqlTypeName.VARBINARY, nullable);
      case DECIMAL -> {
        Types.DecimalType decimal = (Types.DecimalType) type;
        yield ColumnMetadata.decimal(field.name(), decimal.precision(), decimal.scale(), nullable);
      }
      case TIMESTAMP -> ColumnMetadata.of(field.name(), ((Types.TimestampType) type).shouldAdjustToUTC()
          ? SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE : SqlTypeName.TIMESTAMP, nullable);
      default -> throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Column '" + field.name() + "' of table '"
          + table + "' has Iceberg type " + type + ", which Faísca does not read yet");
    };
  }

  private static void add(org.apache.iceberg.DataFile file, Table table, Map<Integer, Range> ranges,
      Map<Integer, Long> nulls) {
    if (file.nullValueCounts() != null) {
      file.nullValueCounts().forEach((id, count) -> nulls.merge(id, count, Long::sum));
    }
    if (file.lowerBounds() == null || file.upperBounds() == null) {
      return;
    }
    for (Types.NestedField field : table.schema().columns()) {
      Double low = number(field.type(), file.lowerBounds().get(field.fieldId()));
      Double high = number(field.type(), file.upperBounds().get(field.fieldId()));
      if (low != null && high != null) {
        ranges.merge(field.fieldId(), new Range(low, high),
            (a, b) -> new Range(Math.min(a.min, b.min), Math.max(a.max, b.max)));
      }
    }
  }

  /** A bound as a number, for the numeric and date types the planner estimates with; null otherwise. */
  private static Double number(Type type, ByteBuffer bound) {
    if (bound == null) {
      return null;
    }
    return switch (type.typeId()) {
      case INTEGER, LONG, FLOAT, DOUBLE, DATE, DECIMAL -> {
        Object value = Conversions.fromByteBuffer(type, bound);
        yield value instanceof Number n ? n.doubleValue() : null;
      }
      default -> null;
    };
  }

  private record Range(double min, double max) {
  }
}
