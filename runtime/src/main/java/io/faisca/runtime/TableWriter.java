package io.faisca.runtime;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.runtime.lower.ColumnNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.iceberg.types.Types;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;

/**
 * Writes a plan's rows into a fresh folder of a managed table with Spark's
 * Parquet writer, then describes the files for Iceberg: path, size, row
 * count and column statistics from their footers. Each column carries its
 * Iceberg field id into the files, so they stay readable by id after a
 * column is renamed. Nothing is visible until the caller commits the files.
 */
final class TableWriter {
  /** Where Spark looks for a column's Parquet field id. */
  private static final String FIELD_ID = "parquet.field.id";

  private TableWriter() {
  }

  /** Writes {@code rows} (one column per table column, in order) and returns the files written. */
  static List<DataFile> write(Dataset<Row> rows, Table table) {
    String folder = table.location() + "/data/" + UUID.randomUUID();
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
      Metadata id = new MetadataBuilder().putLong(FIELD_ID, field.fieldId()).build();
      columns[i] = column.as(field.name(), id);
    }
    org.apache.hadoop.conf.Configuration conf = rows.sparkSession().sparkContext().hadoopConfiguration();
    try {
      // No _SUCCESS marker: the commit is what says the files are complete, and the table references them alone.
      sized(rows.select(columns)).write().option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
          .parquet(folder);
    } catch (RuntimeException e) {
      deleteQuietly(new Path(folder), conf);
      throw e;
    }
    return describe(new Path(folder), table, conf);
  }

  /**
   * Rows as Spark should write them. A write Spark estimates smaller than adaptive execution's
   * advisory partition size goes through one rebalancing shuffle, which adaptive execution cuts into
   * files of that size: a few rows make one file, not one per task. A larger write is written as it
   * is computed, a file per task: shuffling all its rows costs more than the files it saves (copying
   * SF1 lineitem, estimated at 200 MB, shuffled 540 MB and took 1.8 times the CPU time).
   */
  private static Dataset<Row> sized(Dataset<Row> rows) {
    java.math.BigInteger size = rows.queryExecution().optimizedPlan().stats().sizeInBytes().bigInteger();
    String advisory = rows.sparkSession().conf().get(SQLConf.ADVISORY_PARTITION_SIZE_IN_BYTES().key());
    boolean small = size.compareTo(java.math.BigInteger.valueOf(JavaUtils.byteStringAsBytes(advisory))) < 0;
    return small ? rows.hint("rebalance") : rows;
  }

  /** Files of a failed write are never committed; removing them now saves an orphan cleanup later. */
  private static void deleteQuietly(Path folder, org.apache.hadoop.conf.Configuration conf) {
    try {
      folder.getFileSystem(conf).delete(folder, true);
    } catch (IOException e) {
      // Left for orphan-file removal.
    }
  }

  private static List<DataFile> describe(Path folder, Table table, org.apache.hadoop.conf.Configuration conf) {
    List<DataFile> files = new ArrayList<>();
    try {
      FileSystem fs = folder.getFileSystem(conf);
      for (FileStatus status : fs.listStatus(folder)) {
        String name = status.getPath().getName();
        if (!name.endsWith(".parquet") || name.startsWith(".") || name.startsWith("_")) {
          continue;
        }
        InputFile input = table.io().newInputFile(status.getPath().toString(), status.getLen());
        Metrics metrics = ParquetUtil.fileMetrics(input, MetricsConfig.forTable(table));
        if (metrics.recordCount() == 0) {
          // Spark writes a file even for no rows; the table needs none.
          fs.delete(status.getPath(), false);
          continue;
        }
        files.add(DataFiles.builder(table.spec())
            .withInputFile(input)
            .withMetrics(metrics)
            .withFormat(org.apache.iceberg.FileFormat.PARQUET)
            .build());
      }
    } catch (IOException e) {
      throw new FaiscaException(ErrorCode.IO_ERROR, "Cannot list the files written to '" + folder + "': "
          + e.getMessage(), e);
    }
    return files;
  }
}
