package io.faisca.runtime.write;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.runtime.SparkErrors;
import io.faisca.runtime.lower.ColumnNames;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.types.Types;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.internal.SQLConf;

/**
 * Writes a plan's rows into a fresh folder of a managed table with Spark's
 * writer for the table's format, each file holding the rows of one
 * partition, then describes the files for Iceberg: path, size, partition,
 * row count and, for Parquet, column statistics. Nothing is visible until
 * the caller commits the files.
 */
public final class TableWriter {

  private TableWriter() {
  }

  /** Writes {@code rows} (one column per table column, in order) and returns the files written. */
  public static List<DataFile> write(Dataset<Row> rows, Table table) {
    String folder = table.location() + "/data/" + UUID.randomUUID();
    DataFileFormat format = DataFileFormat.of(table);
    List<Types.NestedField> fields = table.schema().columns();
    Dataset<Row> named = rows.select(named(rows, table));
    PartitionDirectories partitions = PartitionDirectories.of(table.spec(), List.of(named.columns()));
    List<Column> stored = new ArrayList<>();
    fields.forEach(field -> stored.add(format.column(field, ColumnNames.ref(field.name()))));
    stored.addAll(partitions.columns());
    Dataset<Row> files = named.select(stored.toArray(Column[]::new));
    Configuration conf = rows.sparkSession().sparkContext().hadoopConfiguration();
    try {
      format.save(writer(files, partitions), table, folder);
      return describe(new Path(folder), table, format, partitions, conf);
    } catch (Exception e) {
      // Also the checked exceptions Spark's Scala code throws, such as a denied HDFS access.
      deleteQuietly(new Path(folder), conf);
      throw e;
    }
  }

  /** The rows named as the table's columns; a NULL for a NOT NULL column fails the write. */
  private static Column[] named(Dataset<Row> rows, Table table) {
    String[] names = rows.columns();
    List<Types.NestedField> fields = table.schema().columns();
    Column[] columns = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      Types.NestedField field = fields.get(i);
      Column column = ColumnNames.ref(names[i]);
      if (field.isRequired() && rows.schema().fields()[i].nullable()) {
        column = functions.when(column.isNull(), functions.raise_error(functions.lit("Column '" + field.name()
            + "' of '" + table.name() + "' " + SparkErrors.NULL_IN_NOT_NULL_COLUMN))).otherwise(column);
      }
      columns[i] = column.as(field.name());
    }
    return columns;
  }

  /**
   * Spark's writer for the rows. A partitioned write is shuffled by partition first: a partition's rows
   * then meet in one task (or a few, where adaptive execution splits a large one), which writes them as
   * one file, instead of every task writing a file for every partition it saw. An unpartitioned write
   * Spark estimates smaller than adaptive execution's advisory partition size goes through one
   * rebalancing shuffle, which adaptive execution cuts into files of that size: a few rows make one
   * file, not one per task. A larger one is written as it is computed, a file per task: shuffling all
   * its rows costs more than the files it saves (copying SF1 lineitem, estimated at 200 MB, shuffled
   * 540 MB and took 1.8 times the CPU time).
   */
  private static DataFrameWriter<Row> writer(Dataset<Row> rows, PartitionDirectories partitions) {
    if (!partitions.names().isEmpty()) {
      Object[] keys = partitions.names().stream().map(ColumnNames::ref).toArray();
      return withoutMarker(rows.hint("rebalance", keys).write().partitionBy(partitions.names().toArray(String[]::new)));
    }
    BigInteger size = rows.queryExecution().optimizedPlan().stats().sizeInBytes().bigInteger();
    String advisory = rows.sparkSession().conf().get(SQLConf.ADVISORY_PARTITION_SIZE_IN_BYTES().key());
    boolean small = size.compareTo(BigInteger.valueOf(JavaUtils.byteStringAsBytes(advisory))) < 0;
    return withoutMarker((small ? rows.hint("rebalance") : rows).write());
  }

  /** No _SUCCESS file: the commit is what says the files are complete, and the table references them alone. */
  private static DataFrameWriter<Row> withoutMarker(DataFrameWriter<Row> writer) {
    return writer.option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
  }

  /** Files of a failed write are never committed; removing them now saves an orphan cleanup later. */
  private static void deleteQuietly(Path folder, Configuration conf) {
    try {
      folder.getFileSystem(conf).delete(folder, true);
    } catch (IOException e) {
      // Left for orphan-file removal.
    }
  }

  private static List<DataFile> describe(Path folder, Table table, DataFileFormat format,
      PartitionDirectories partitions, Configuration conf) {
    List<DataFile> files = new ArrayList<>();
    try {
      FileSystem fs = folder.getFileSystem(conf);
      Path root = fs.makeQualified(folder);
      RemoteIterator<LocatedFileStatus> listed = fs.listFiles(root, true);
      while (listed.hasNext()) {
        LocatedFileStatus status = listed.next();
        String name = status.getPath().getName();
        if (name.startsWith(".") || name.startsWith("_")) {
          // Spark's marker of a finished job, and checksums.
          continue;
        }
        InputFile input = table.io().newInputFile(status.getPath().toString(), status.getLen());
        Metrics metrics = format.metrics(input, table);
        if (metrics.recordCount() == 0) {
          // Spark writes a file even for no rows; the table needs none.
          fs.delete(status.getPath(), false);
          continue;
        }
        DataFiles.Builder file = DataFiles.builder(table.spec()).withInputFile(input).withMetrics(metrics)
            .withFormat(format.iceberg());
        if (table.spec().isPartitioned()) {
          file.withPartition(partitions.partition(directories(root, status.getPath().getParent())));
        }
        files.add(file.build());
      }
    } catch (IOException e) {
      throw new FaiscaException(ErrorCode.IO_ERROR, "Cannot list the files written to '" + folder + "': "
          + e.getMessage(), e);
    }
    return files;
  }

  /** The names of the directories from {@code root} down to {@code directory}, outermost first. */
  private static List<String> directories(Path root, Path directory) {
    List<String> names = new ArrayList<>();
    for (Path at = directory; !at.equals(root); at = at.getParent()) {
      names.add(0, at.getName());
    }
    return names;
  }
}
