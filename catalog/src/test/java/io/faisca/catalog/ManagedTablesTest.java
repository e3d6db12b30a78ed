package io.faisca.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managed tables: Iceberg tables in the warehouse's catalog, listed and read beside the raw ones. */
class ManagedTablesTest {
  private static final Schema SCHEMA = new Schema(
      Types.NestedField.required(1, "id", Types.LongType.get()),
      Types.NestedField.optional(2, "price", Types.DecimalType.of(12, 2)),
      Types.NestedField.optional(3, "name", Types.StringType.get()));
  private static final TableDefinition PARQUET = TableDefinition.of(SCHEMA, FileFormat.PARQUET);

  @TempDir Path root;

  @Test void aWarehouseOfRawFilesIsNotWrittenTo() throws IOException {
    ParquetFiles.write(root.resolve("raw/part-0.parquet"), "message m { required int32 id; }", ParquetFiles.row(1));
    Warehouse warehouse = Warehouse.open(root.toString());
    assertThat(warehouse.tableNames()).containsExactly("raw");
    assertThat(warehouse.table("missing")).isEmpty();
    assertThat(root.resolve(".faisca")).doesNotExist();
  }

  @Test void aCreatedTableIsListedAndReadEmpty() {
    Warehouse warehouse = Warehouse.open(root.toString());
    assertThat(managed(warehouse).create(TableName.ofDefault("Sales"), PARQUET, false)).isTrue();
    assertThat(warehouse.tableNames()).containsExactly("Sales");
    assertThat(warehouse.resolve(WarehouseSchema.NAME, "sales", false)).map(Relation::name)
        .hasValue(TableName.ofDefault("Sales"));
    assertThat(warehouse.resolve(WarehouseSchema.NAME, "sales", true)).isEmpty();
    TableMetadata sales = warehouse.table("Sales").orElseThrow();
    assertThat(sales.files()).isEmpty();
    assertThat(sales.rowCount()).isZero();
    assertThat(sales.columns()).extracting(ColumnMetadata::name).containsExactly("id", "price", "name");
    assertThat(sales.columns()).extracting(ColumnMetadata::type)
        .containsExactly(SqlTypeName.BIGINT, SqlTypeName.DECIMAL, SqlTypeName.VARCHAR);
    assertThat(sales.columns().get(0).nullable()).isFalse();
    assertThat(sales.columns().get(1).precision()).isEqualTo(12);
    assertThat(sales.columns().get(1).scale()).isEqualTo(2);
  }

  @Test void appendedFilesAreTheTableWithTheirStatistics() throws IOException {
    Warehouse warehouse = Warehouse.open(root.toString());
    managed(warehouse).create(TableName.ofDefault("sales"), PARQUET, false);
    Table table = managed(warehouse).load(TableName.ofDefault("sales")).orElseThrow();
    DataFile first = write(table, "a.parquet", record(1, "9.50", "x"), record(7, null, null));
    DataFile second = write(table, "b.parquet", record(3, "100.25", "y"));
    table.newAppend().appendFile(first).appendFile(second).commit();

    TableMetadata sales = warehouse.table("sales").orElseThrow();
    assertThat(sales.files()).extracting(io.faisca.catalog.DataFile::path)
        .containsExactlyInAnyOrder(first.location(), second.location());
    assertThat(sales.rowCount()).isEqualTo(3);
    ColumnStatistics id = sales.columns().get(0).statistics();
    assertThat(id.min()).isEqualTo(1.0);
    assertThat(id.max()).isEqualTo(7.0);
    assertThat(sales.columns().get(1).statistics().nullCount()).isEqualTo(1);
    assertThat(sales.columns().get(1).statistics().max()).isEqualTo(100.25);
    // Distinct counts as the ranges bound them: at most one per row, and for names unknown.
    assertThat(id.distinctCount()).isEqualTo(3.0);
    assertThat(sales.columns().get(1).statistics().distinctCount()).isEqualTo(2.0);
    assertThat(sales.columns().get(2).statistics().distinctCount()).isNull();
  }

  @Test void aKeyRangeBoundsTheDistinctCount() throws IOException {
    Warehouse warehouse = Warehouse.open(root.toString());
    managed(warehouse).create(TableName.ofDefault("sales"), PARQUET, false);
    Table table = managed(warehouse).load(TableName.ofDefault("sales")).orElseThrow();
    table.newAppend().appendFile(write(table, "a.parquet", record(1, "1.00", "x"), record(2, "1.00", "x"),
        record(2, "1.01", "y"), record(1, "1.01", "y"))).commit();

    TableMetadata sales = warehouse.table("sales").orElseThrow();
    assertThat(sales.columns().get(0).statistics().distinctCount()).isEqualTo(2.0);
    assertThat(sales.columns().get(1).statistics().distinctCount()).isEqualTo(2.0);
  }

  @Test void anotherWarehouseOverTheSameDirectorySeesCommitsAtOnce() throws IOException {
    Warehouse writer = Warehouse.open(root.toString());
    Warehouse reader = Warehouse.open(root.toString());
    assertThat(reader.tableNames()).isEmpty();
    managed(writer).create(TableName.ofDefault("sales"), PARQUET, false);
    assertThat(reader.table("sales").orElseThrow().rowCount()).isZero();
    Table table = managed(writer).load(TableName.ofDefault("sales")).orElseThrow();
    table.newAppend().appendFile(write(table, "a.parquet", record(1, "1.00", "x"))).commit();
    assertThat(reader.table("sales").orElseThrow().rowCount()).isOne();
  }

  @Test void creatingAnExistingTableIsAnErrorUnlessAsked() {
    Warehouse warehouse = Warehouse.open(root.toString());
    managed(warehouse).create(TableName.ofDefault("sales"), PARQUET, false);
    assertThatThrownBy(() -> managed(warehouse).create(TableName.ofDefault("sales"), PARQUET, false))
        .isInstanceOf(FaiscaException.class).hasMessageContaining("'sales' already exists")
        .extracting(e -> ((FaiscaException) e).code()).isEqualTo(ErrorCode.TABLE_EXISTS);
    assertThat(managed(warehouse).create(TableName.ofDefault("sales"), PARQUET, true)).isFalse();
  }

  @Test void droppingATableForgetsItAndDeletesItsFiles() throws IOException {
    Warehouse warehouse = Warehouse.open(root.toString());
    managed(warehouse).create(TableName.ofDefault("sales"), PARQUET, false);
    Table table = managed(warehouse).load(TableName.ofDefault("sales")).orElseThrow();
    DataFile file = write(table, "a.parquet", record(1, "1.00", "x"));
    table.newAppend().appendFile(file).commit();
    assertThat(Path.of(java.net.URI.create(file.location()))).exists();

    assertThat(managed(warehouse).drop(TableName.ofDefault("sales"), false)).isTrue();
    assertThat(warehouse.tableNames()).isEmpty();
    assertThat(warehouse.table("sales")).isEmpty();
    assertThat(Path.of(java.net.URI.create(file.location()))).doesNotExist();
    assertThatThrownBy(() -> managed(warehouse).drop(TableName.ofDefault("sales"), false))
        .isInstanceOf(FaiscaException.class).hasMessageContaining("'sales' does not exist");
    assertThat(managed(warehouse).drop(TableName.ofDefault("sales"), true)).isFalse();
  }

  @Test void aManagedTableHidesARawDirectoryOfTheSameName() throws IOException {
    ParquetFiles.write(root.resolve("sales/part-0.parquet"), "message m { required int32 id; }",
        ParquetFiles.row(1));
    Warehouse warehouse = Warehouse.open(root.toString());
    managed(warehouse).create(TableName.ofDefault("sales"), PARQUET, false);
    assertThat(warehouse.tableNames()).containsExactly("sales");
    assertThat(warehouse.table("sales").orElseThrow().columns()).hasSize(3);
    assertThat(Files.list(root.resolve(".faisca")).toList()).isNotEmpty();
  }

  private static ManagedTables managed(Warehouse warehouse) {
    return warehouse.managedTables();
  }

  private static Record record(long id, String price, String name) {
    Record record = GenericRecord.create(SCHEMA);
    record.setField("id", id);
    record.setField("price", price == null ? null : new java.math.BigDecimal(price));
    record.setField("name", name);
    return record;
  }

  private static DataFile write(Table table, String fileName, Record... records) throws IOException {
    DataWriter<Record> writer = Parquet.writeData(table.io().newOutputFile(table.location() + "/data/" + fileName))
        .schema(table.schema())
        .createWriterFunc(GenericParquetWriter::create)
        .withSpec(PartitionSpec.unpartitioned())
        .build();
    try (writer) {
      for (Record record : List.of(records)) {
        writer.write(record);
      }
    }
    return writer.toDataFile();
  }
}
