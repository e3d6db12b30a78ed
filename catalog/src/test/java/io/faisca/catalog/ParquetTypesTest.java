package io.faisca.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How a top-level Parquet field maps to a SQL column. */
class ParquetTypesTest {
  private static Type field(String declaration) {
    String terminated = declaration.endsWith("}") ? declaration : declaration + ";";
    return MessageTypeParser.parseMessageType("message m { " + terminated + " }").getType(0);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      required boolean c                                   | BOOLEAN
      required int32 c                                     | INTEGER
      required int32 c (INTEGER(8,true))                   | TINYINT
      required int32 c (INTEGER(16,true))                  | SMALLINT
      required int32 c (INTEGER(32,true))                  | INTEGER
      required int32 c (INTEGER(16,false))                 | INTEGER
      required int32 c (INTEGER(32,false))                 | BIGINT
      required int64 c                                     | BIGINT
      required int64 c (INTEGER(64,true))                  | BIGINT
      required float c                                     | REAL
      required double c                                    | DOUBLE
      required int32 c (DATE)                              | DATE
      required int64 c (TIMESTAMP(MICROS,false))           | TIMESTAMP
      required int64 c (TIMESTAMP(MILLIS,false))           | TIMESTAMP
      required int64 c (TIMESTAMP(MICROS,true))            | TIMESTAMP_WITH_LOCAL_TIME_ZONE
      required int96 c                                     | TIMESTAMP_WITH_LOCAL_TIME_ZONE
      required binary c (STRING)                           | VARCHAR
      required binary c (ENUM)                             | VARCHAR
      required binary c (JSON)                             | VARCHAR
      required binary c                                    | VARBINARY
      required fixed_len_byte_array(16) c                  | VARBINARY
      """)
  void mapsPrimitiveType(String declaration, SqlTypeName expected) {
    ColumnMetadata column = ParquetTypes.toColumn(field(declaration)).orElseThrow();

    assertThat(column.name()).isEqualTo("c");
    assertThat(column.type()).isEqualTo(expected);
    assertThat(column.partitionKey()).isFalse();
  }

  @ParameterizedTest(name = "{0} -> DECIMAL({1}, {2})")
  @CsvSource(delimiter = '|', textBlock = """
      required int32 c (DECIMAL(9,2))                      | 9  | 2
      required int64 c (DECIMAL(18,4))                     | 18 | 4
      required fixed_len_byte_array(16) c (DECIMAL(38,10)) | 38 | 10
      required binary c (DECIMAL(20,0))                    | 20 | 0
      """)
  void mapsDecimalWithPrecisionAndScale(String declaration, int precision, int scale) {
    ColumnMetadata column = ParquetTypes.toColumn(field(declaration)).orElseThrow();

    assertThat(column.type()).isEqualTo(SqlTypeName.DECIMAL);
    assertThat(column.precision()).isEqualTo(precision);
    assertThat(column.scale()).isEqualTo(scale);
    assertThat(column.typeName()).isEqualTo("DECIMAL(" + precision + ", " + scale + ")");
  }

  @Test void requiredIsNotNullableAndOptionalIs() {
    assertThat(ParquetTypes.toColumn(field("required int32 c")).orElseThrow().nullable()).isFalse();
    assertThat(ParquetTypes.toColumn(field("optional int32 c")).orElseThrow().nullable()).isTrue();
    assertThat(ParquetTypes.toColumn(field("optional int32 c (DECIMAL(9,2))")).orElseThrow().nullable())
        .isTrue();
  }

  /** Types Faísca cannot read yet are left out rather than read wrongly. */
  @ParameterizedTest
  @ValueSource(strings = {
      "repeated int32 c",
      "optional group c { required int32 x; }",
      "required int64 c (INTEGER(64,false))",
      "required int64 c (TIMESTAMP(NANOS,true))",
      "required int32 c (TIME(MILLIS,true))",
      "required binary c (BSON)",
  })
  void skipsUnsupportedType(String declaration) {
    assertThat(ParquetTypes.toColumn(field(declaration))).isEmpty();
  }
}
