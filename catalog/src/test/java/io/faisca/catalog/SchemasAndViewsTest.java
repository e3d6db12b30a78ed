package io.faisca.catalog;

import static io.faisca.catalog.ParquetFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.nio.file.Path;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schemas and views of the catalog, and how names resolve among them and the raw directories. */
class SchemasAndViewsTest {
  private static final String ONE_INT = "message m { required int32 id; }";
  private static final Schema COLUMNS = new Schema(
      Types.NestedField.required(1, "id", Types.LongType.get()),
      Types.NestedField.optional(2, "name", Types.StringType.get()));

  @TempDir Path root;
  private Warehouse warehouse;
  private ManagedTables tables;

  @BeforeEach void open() {
    ParquetFiles.write(root.resolve("raw/part-0.parquet"), ONE_INT, row(1));
    warehouse = Warehouse.open(root.toString());
    tables = warehouse.managedTables();
  }

  @Test void aSchemaIsANamespaceWhoseDirectoryIsNoRawTable() {
    assertThat(warehouse.schemaNames()).containsExactly("default");
    assertThat(tables.schemas().create("shop", false)).isTrue();
    tables.create(new TableName("shop", "sales"), TableDefinition.of(COLUMNS, FileFormat.PARQUET), false);
    // Data files somewhere under the schema's directory, even in key=value directories, make no raw table.
    ParquetFiles.write(root.resolve("shop/k=1/part-0.parquet"), ONE_INT, row(1));
    assertThat(warehouse.schemaNames()).containsExactly("default", "shop");
    assertThat(warehouse.resolveSchemaName("SHOP", false)).hasValue("shop");
    assertThat(warehouse.resolveSchemaName("SHOP", true)).isEmpty();
    assertThat(warehouse.relations("default")).extracting(Relation::name).containsExactly(TableName.ofDefault("raw"));
    assertThat(warehouse.relations("shop"))
        .containsExactly(new Relation(new TableName("shop", "sales"), Relation.Kind.MANAGED_TABLE));
    assertThat(warehouse.resolve("default", "shop", false)).isEmpty();
    assertThat(warehouse.table(TableName.ofDefault("shop"))).isEmpty();
    assertThat(root.resolve("shop/sales/metadata")).isDirectory();
  }

  @Test void namesResolveExactlyFirstThenIgnoringCase() {
    tables.create(TableName.ofDefault("Sales"), TableDefinition.of(COLUMNS, FileFormat.PARQUET), false);
    tables.views().create(TableName.ofDefault("sales"), "SELECT 1 AS id", "default", COLUMNS, false);
    assertThat(warehouse.resolve("default", "sales", true).map(Relation::kind)).hasValue(Relation.Kind.VIEW);
    assertThat(warehouse.resolve("default", "Sales", true).map(Relation::kind))
        .hasValue(Relation.Kind.MANAGED_TABLE);
    assertThat(warehouse.resolve("default", "SALES", false).map(Relation::kind))
        .hasValue(Relation.Kind.MANAGED_TABLE);
    assertThat(warehouse.resolve("default", "RAW", false).map(Relation::kind)).hasValue(Relation.Kind.RAW_TABLE);
    assertThat(warehouse.resolve("default", "RAW", true)).isEmpty();
    assertThat(warehouse.tableNames()).containsExactly("Sales", "raw");
  }

  @Test void aViewKeepsItsQueryDialectSchemaAndNullableColumns() {
    tables.schemas().create("report", false);
    TableName name = new TableName("report", "v");
    tables.views().create(name, "SELECT id, name FROM t -- as written", "default", COLUMNS, false);
    ViewDefinition view = warehouse.view(name).orElseThrow();
    assertThat(view.sql()).isEqualTo("SELECT id, name FROM t -- as written");
    assertThat(view.dialect()).isEqualTo("faisca");
    assertThat(view.readable()).isTrue();
    assertThat(view.defaultSchema()).isEqualTo("default");
    assertThat(view.columns()).extracting(ColumnMetadata::name).containsExactly("id", "name");
    assertThat(view.columns()).extracting(ColumnMetadata::type)
        .containsExactly(SqlTypeName.BIGINT, SqlTypeName.VARCHAR);
    assertThat(view.columns()).allMatch(ColumnMetadata::nullable);
    assertThat(warehouse.columns(new Relation(name, Relation.Kind.VIEW))).isEqualTo(view.columns());
    assertThat(root.resolve("report/v/metadata")).isDirectory();

    tables.views().create(name, "SELECT 2 AS id, 'x' AS name", "default", COLUMNS, true);
    assertThat(warehouse.view(name).orElseThrow().sql()).isEqualTo("SELECT 2 AS id, 'x' AS name");
    assertThatThrownBy(() -> tables.views().create(name, "SELECT 3", "default", COLUMNS, false))
        .isInstanceOf(FaiscaException.class).hasMessageContaining("View 'report.v' already exists");
    assertThat(tables.views().drop(name, false)).isTrue();
    assertThat(warehouse.view(name)).isEmpty();
    assertThat(root.resolve("report/v")).doesNotExist();
    assertThat(tables.views().drop(name, true)).isFalse();
  }

  @Test void droppingASchemaWithCascadeDropsItsTablesAndViewsAndDirectory() {
    tables.schemas().create("shop", false);
    tables.create(new TableName("shop", "sales"), TableDefinition.of(COLUMNS, FileFormat.PARQUET), false);
    tables.views().create(new TableName("shop", "v"), "SELECT 1", "default", COLUMNS, false);
    assertThatThrownBy(() -> tables.schemas().drop("shop", false, false))
        .isInstanceOf(FaiscaException.class).hasMessageContaining("tables sales and views v")
        .extracting(e -> ((FaiscaException) e).code()).isEqualTo(ErrorCode.SCHEMA_NOT_EMPTY);
    assertThat(tables.schemas().drop("shop", false, true)).isTrue();
    assertThat(warehouse.schemaNames()).containsExactly("default");
    assertThat(root.resolve("shop")).doesNotExist();
    assertThat(tables.schemas().drop("shop", true, false)).isFalse();
  }

  @Test void aTableRenamedAwayKeepsItsDirectoryAndANewTableOfItsNameGetsAnother() {
    TableName old = TableName.ofDefault("t");
    tables.create(old, TableDefinition.of(COLUMNS, FileFormat.PARQUET), false);
    String location = tables.load(old).orElseThrow().location();
    tables.rename(old, TableName.ofDefault("u"));
    assertThat(tables.load(TableName.ofDefault("u")).orElseThrow().location()).isEqualTo(location);
    tables.create(old, TableDefinition.of(COLUMNS, FileFormat.PARQUET), false);
    assertThat(tables.load(old).orElseThrow().location()).isNotEqualTo(location).startsWith(location + "-");
    tables.drop(TableName.ofDefault("u"), false);
    assertThat(tables.load(old)).isPresent();
    assertThat(warehouse.table(old).orElseThrow().columns()).hasSize(2);
  }

  @Test void schemaNamesAreUniqueIgnoringCase() {
    tables.schemas().create("Shop", false);
    assertThatThrownBy(() -> tables.schemas().create("shop", false))
        .isInstanceOf(FaiscaException.class).hasMessage("Schema 'shop' already exists (as 'Shop')");
    assertThat(tables.schemas().create("SHOP", true)).isFalse();
    assertThat(tables.schemas().names()).isEqualTo(List.of("Shop", "default"));
  }
}
