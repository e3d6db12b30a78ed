package io.faisca.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** PARTITIONED BY, STORED AS and WITH become an Iceberg spec and properties, or a 42000 naming the mistake. */
class TableDefinitionTest {
  private static final Schema SCHEMA = new Schema(
      Types.NestedField.required(1, "id", Types.LongType.get()),
      Types.NestedField.optional(2, "Region", Types.StringType.get()),
      Types.NestedField.optional(3, "sold", Types.DateType.get()),
      Types.NestedField.optional(4, "at", Types.TimestampType.withZone()),
      Types.NestedField.optional(5, "price", Types.DecimalType.of(12, 2)),
      Types.NestedField.optional(6, "ok", Types.BooleanType.get()));

  @Test void everyTransformBecomesIcebergs() {
    PartitionSpec spec = define(List.of(PartitionField.identity("region"), field("day", "sold", null),
        field("hours", "at", null), field("bucket", "id", 16), field("TRUNCATE", "price", 10))).spec();

    assertThat(spec.fields()).extracting(f -> f.name() + ":" + f.transform())
        .containsExactly("Region:identity", "sold_day:day", "at_hour:hour", "id_bucket:bucket[16]",
            "price_trunc:truncate[10]");
  }

  @Test void noPartitioningIsAnUnpartitionedParquetTableWithFaiscasDefaults() {
    TableDefinition definition = TableDefinition.of(SCHEMA, Optional.empty(), List.of(), Map.of());

    assertThat(definition.spec().isUnpartitioned()).isTrue();
    assertThat(definition.format()).isEqualTo(FileFormat.PARQUET);
    assertThat(definition.properties()).containsEntry(TableProperties.DEFAULT_FILE_FORMAT, "parquet")
        .containsEntry(TableProperties.COMMIT_NUM_RETRIES, "100");
  }

  @Test void propertiesAreKeptAndMayChangeTheDefaults() {
    TableDefinition definition = TableDefinition.of(SCHEMA, Optional.of("avro"), List.of(), Map.of(
        "write.avro.compression-codec", "snappy", TableProperties.COMMIT_NUM_RETRIES, "7",
        "owner.team", "sales", TableProperties.FORMAT_VERSION, "2"));

    assertThat(definition.format()).isEqualTo(FileFormat.AVRO);
    assertThat(definition.properties()).containsEntry(TableProperties.DEFAULT_FILE_FORMAT, "avro")
        .containsEntry(TableProperties.COMMIT_NUM_RETRIES, "7").containsEntry("owner.team", "sales");
    assertThat(TableDefinition.of(SCHEMA, Optional.empty(), List.of(),
        Map.of(TableProperties.DEFAULT_FILE_FORMAT, "AVRO")).format()).isEqualTo(FileFormat.AVRO);
  }

  @Test void wrongPartitioningNamesTheItemAndTheMistake() {
    assertRefused(List.of(PartitionField.identity("nope")), "PARTITIONED BY nope: the table has no column 'nope'");
    assertRefused(List.of(field("year", "id", null)), "year(id): year does not apply to column 'id' of type BIGINT");
    assertRefused(List.of(field("hour", "sold", null)), "hour does not apply to column 'sold' of type DATE");
    assertRefused(List.of(field("bucket", "ok", 4)), "bucket does not apply to column 'ok' of type BOOLEAN");
    assertRefused(List.of(field("truncate", "sold", 4)), "truncate does not apply to column 'sold' of type DATE");
    assertRefused(List.of(field("bucket", "id", null)), "bucket(id): bucket needs a number of buckets above 0");
    assertRefused(List.of(field("bucket", "id", 0)), "bucket needs a number of buckets above 0");
    assertRefused(List.of(field("truncate", "price", -3)), "truncate needs a width above 0");
    assertRefused(List.of(field("day", "sold", 3)), "day(3, sold): day takes a column only");
    assertRefused(List.of(field("week", "sold", null)), "unknown transform 'week'");
    assertRefused(List.of(PartitionField.identity("id"), PartitionField.identity("ID")), "PARTITIONED BY ID: ");
    assertRefused(List.of(field("year", "at", null), field("day", "at", null)), "PARTITIONED BY day(at): ");
  }

  @Test void wrongFormatsAndPropertiesAreRefused() {
    assertThatThrownBy(() -> TableDefinition.of(SCHEMA, Optional.of("orc"), List.of(), Map.of()))
        .isInstanceOf(FaiscaException.class).hasMessageContaining("ORC")
        .extracting(e -> ((FaiscaException) e).code()).isEqualTo(ErrorCode.NOT_SUPPORTED);
    assertInvalid(Optional.of("csv"), Map.of(), "Unknown file format 'csv'");
    assertInvalid(Optional.of("parquet"), Map.of(TableProperties.DEFAULT_FILE_FORMAT, "avro"), "disagree");
    assertInvalid(Optional.empty(), Map.of("format", "avro"), "write STORED AS");
    assertInvalid(Optional.empty(), Map.of("uuid", "x"), "'uuid' is kept by Iceberg");
    assertInvalid(Optional.empty(), Map.of(TableProperties.COMMIT_NUM_RETRIES, "many"), "whole number");
    assertInvalid(Optional.empty(), Map.of(TableProperties.FORMAT_VERSION, "99"), "Iceberg refuses the table");
  }

  private static TableDefinition define(List<PartitionField> partitioning) {
    return TableDefinition.of(SCHEMA, Optional.empty(), partitioning, Map.of());
  }

  private static PartitionField field(String transform, String column, Integer argument) {
    return new PartitionField(transform, column, argument == null ? OptionalInt.empty() : OptionalInt.of(argument));
  }

  private static void assertRefused(List<PartitionField> partitioning, String message) {
    assertThatThrownBy(() -> define(partitioning)).as(partitioning.toString())
        .isInstanceOf(FaiscaException.class).hasMessageContaining(message)
        .extracting(e -> ((FaiscaException) e).code()).isEqualTo(ErrorCode.INVALID_QUERY);
  }

  private static void assertInvalid(Optional<String> storedAs, Map<String, String> properties, String message) {
    assertThatThrownBy(() -> TableDefinition.of(SCHEMA, storedAs, List.of(), properties))
        .isInstanceOf(FaiscaException.class).hasMessageContaining(message)
        .extracting(e -> ((FaiscaException) e).code()).isEqualTo(ErrorCode.INVALID_QUERY);
  }
}
