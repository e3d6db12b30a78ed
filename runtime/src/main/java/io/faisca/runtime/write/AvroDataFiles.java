package io.faisca.runtime.write;

import io.faisca.runtime.lower.TimestampMicros;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.Table;
import org.apache.iceberg.avro.Avro;
import org.apache.iceberg.avro.AvroSchemaUtil;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Row;

/**
 * Avro data files, written by Spark's Avro writer with the Avro schema
 * Iceberg derives from the table's: it carries each field's Iceberg id and
 * Iceberg's encodings, so Iceberg (and any engine reading the table through
 * it) reads the files. Spark has no encoding of its own for a TIMESTAMP as
 * Iceberg's {@code timestamp-micros}; such columns are written as the
 * microseconds they hold. Iceberg keeps only row counts for Avro files.
 */
final class AvroDataFiles implements DataFileFormat {
  /** The record name Iceberg gives its own Avro data files. */
  private static final String RECORD = "table";

  @Override public Column column(Types.NestedField field, Column value) {
    Column stored = value;
    if (field.type().typeId() == Type.TypeID.TIMESTAMP && !((Types.TimestampType) field.type()).shouldAdjustToUTC()) {
      stored = TimestampMicros.of(value, false);
    }
    return stored.as(AvroSchemaUtil.makeCompatibleName(field.name()));
  }

  @Override public void save(DataFrameWriter<Row> writer, Table table, String folder) {
    writer.format("avro").option("avroSchema", AvroSchemaUtil.convert(table.schema(), RECORD).toString()).save(folder);
  }

  @Override public org.apache.iceberg.FileFormat iceberg() {
    return org.apache.iceberg.FileFormat.AVRO;
  }

  @Override public Metrics metrics(InputFile file, Table table) {
    return new Metrics(Avro.rowCount(file), null, null, null, null);
  }
}
