package io.faisca.catalog;

import static io.faisca.catalog.ParquetFiles.row;
import static io.faisca.catalog.ParquetFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse as Calcite sees it: table lookup, row types and statistics. */
class WarehouseSchemaTest {
  @TempDir Path root;
  private Lookup<Table> tables;

  @BeforeEach void layOutWarehouse() {
    ParquetFiles.write(root.resolve("Orders/part-0.parquet"), """
        message m {
          required int64 o_orderkey;
          optional int64 o_totalprice (DECIMAL(15,2));
          optional binary o_comment (STRING);
        }""", rows(5, i -> row((long) i, 100L * i, "c" + i)));
    ParquetFiles.write(root.resolve("lineitem/part-0.parquet"), "message m { required int32 l_linenumber; }", row(1));
    tables = new WarehouseSchema(Warehouse.open(root.toString()), WarehouseSchema.NAME).tables();
  }

  @Test void exactLookupIsCaseSensitive() {
    assertThat(tables.get("Orders")).isInstanceOf(FileTable.class);
    assertThat(tables.get("orders")).isNull();
    assertThat(tables.get("missing")).isNull();
  }

  @Test void caseInsensitiveLookupReturnsTheTableUnderItsOwnName() {
    Named<Table> found = tables.getIgnoreCase("ORDERS");

    assertThat(found).isNotNull();
    assertThat(found.name()).isEqualTo("Orders");
    assertThat(((FileTable) found.entity()).metadata().name()).isEqualTo("Orders");
    assertThat(tables.getIgnoreCase("missing")).isNull();
  }

  @Test void namesAreListedAndFilteredByPattern() {
    assertThat(tables.getNames(LikePattern.any())).containsExactly("Orders", "lineitem");
    assertThat(tables.getNames(new LikePattern("line%"))).containsExactly("lineitem");
  }

  @Test void rowTypeCarriesTypesPrecisionAndNullability() {
    RelDataType rowType = tables.get("Orders").getRowType(new JavaTypeFactoryImpl());

    assertThat(rowType.getFieldNames()).containsExactly("o_orderkey", "o_totalprice", "o_comment");
    RelDataTypeField key = rowType.getFieldList().get(0);
    RelDataTypeField price = rowType.getFieldList().get(1);
    RelDataTypeField comment = rowType.getFieldList().get(2);
    assertThat(key.getType().getSqlTypeName()).isEqualTo(SqlTypeName.BIGINT);
    assertThat(key.getType().isNullable()).isFalse();
    assertThat(price.getType().getSqlTypeName()).isEqualTo(SqlTypeName.DECIMAL);
    assertThat(price.getType().getPrecision()).isEqualTo(15);
    assertThat(price.getType().getScale()).isEqualTo(2);
    assertThat(price.getType().isNullable()).isTrue();
    assertThat(comment.getType().getSqlTypeName()).isEqualTo(SqlTypeName.VARCHAR);
    assertThat(comment.getType().isNullable()).isTrue();
  }

  @Test void statisticGivesTheRowCount() {
    assertThat(tables.get("Orders").getStatistic().getRowCount()).isEqualTo(5.0);
  }
}
