package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Schema;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.avro.Avro;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.avro.PlannedDataReader;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.parquet.Parquet;

/**
 * A managed table as Iceberg itself sees it: the data files of its current
 * snapshot with their manifest partitions, and each file's rows read by
 * Iceberg's own readers. The oracle for what a write committed.
 */
final class IcebergFiles {
  private IcebergFiles() {
  }

  static Table table(Path warehouse, String name) {
    return Warehouse.open(warehouse.toString()).managedTables().load(TableName.ofDefault(name)).orElseThrow();
  }

  /** The data files of the current snapshot. */
  static List<DataFile> files(Table table) {
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(task -> files.add(task.file()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The rows of one data file, as Iceberg's generic reader for its format reads them. */
  static List<Record> records(Table table, DataFile file) {
    Schema schema = table.schema();
    InputFile input = table.io().newInputFile(file.location());
    List<Record> records = new ArrayList<>();
    try (CloseableIterable<Record> rows = switch (file.format()) {
      case PARQUET -> Parquet.read(input).project(schema)
          .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(schema, fileSchema)).build();
      case AVRO -> Avro.read(input).project(schema).<Record>createResolvingReader(PlannedDataReader::create).build();
      default -> throw new IllegalArgumentException("No reader for " + file.format());
    }) {
      rows.forEach(row -> records.add(row.copy()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  /**
   * Every data file holds rows of exactly the partition its manifest entry names: the one Iceberg's own
   * transforms compute from each of its rows.
   */
  static void assertEachFileHoldsItsPartition(Table table) {
    PartitionKey key = new PartitionKey(table.spec(), table.schema());
    InternalRecordWrapper internal = new InternalRecordWrapper(table.schema().asStruct());
    for (DataFile file : files(table)) {
      List<Record> rows = records(table, file);
      assertThat(rows).as(file.location()).isNotEmpty();
      for (Record row : rows) {
        key.partition(internal.wrap(row));
        assertThat(values(file.partition())).as("partition of %s in %s", row, file.location())
            .isEqualTo(values(key));
      }
    }
  }

  /** A partition's values in order, for comparisons. */
  static List<Object> values(StructLike partition) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < partition.size(); i++) {
      values.add(partition.get(i, Object.class));
    }
    return values;
  }
}
