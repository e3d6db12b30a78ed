package io.faisca.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.catalog.ManagedTables;
import io.faisca.catalog.PartitionField;
import io.faisca.catalog.TableDefinition;
import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit of an INSERT OVERWRITE against commits another writer made
 * since the statement read the table: data added to or deleted from what it
 * replaces is a conflict (40001, table unchanged); anything else is kept.
 * The other writer commits through its own handle on the table, as another
 * statement or process would.
 */
class OverwriteCommitTest {
  private static final Schema SCHEMA = new Schema(
      Types.NestedField.required(1, "id", Types.LongType.get()),
      Types.NestedField.optional(2, "region", Types.StringType.get()));

  @TempDir Path root;

  @Test void dataAddedSinceTheBaseToAReplacedPartitionIsAConflict() {
    Table statement = create(List.of(PartitionField.identity("region")));
    append(statement, "a", "EU");
    Snapshot base = statement.currentSnapshot();
    append(load(), "b", "EU");
    long current = load().currentSnapshot().snapshotId();

    assertConflict(() -> OverwriteCommit.commit("sales", statement, base, List.of(file(statement, "c", "EU"))));
    assertThat(load().currentSnapshot().snapshotId()).isEqualTo(current);
    assertThat(files(load())).containsExactlyInAnyOrder("a", "b");
  }

  @Test void dataAddedSinceTheBaseToAnotherPartitionIsKept() {
    Table statement = create(List.of(PartitionField.identity("region")));
    append(statement, "a", "EU");
    append(statement, "u", "US");
    Snapshot base = statement.currentSnapshot();
    append(load(), "b", "US");

    assertThat(OverwriteCommit.commit("sales", statement, base, List.of(file(statement, "c", "EU")))).isEqualTo(2);
    assertThat(files(load())).containsExactlyInAnyOrder("u", "b", "c");
  }

  @Test void dataDeletedSinceTheBaseFromAReplacedPartitionIsAConflict() {
    Table statement = create(List.of(PartitionField.identity("region")));
    DataFile a = append(statement, "a", "EU");
    Snapshot base = statement.currentSnapshot();
    load().newDelete().deleteFile(a).commit();

    assertConflict(() -> OverwriteCommit.commit("sales", statement, base, List.of(file(statement, "c", "EU"))));
    assertThat(files(load())).isEmpty();
  }

  @Test void anyDataAddedSinceTheBaseToAnUnpartitionedTableIsAConflict() {
    Table statement = create(List.of());
    append(statement, "a", null);
    Snapshot base = statement.currentSnapshot();
    append(load(), "b", null);

    assertConflict(() -> OverwriteCommit.commit("sales", statement, base, List.of()));
    assertThat(files(load())).containsExactlyInAnyOrder("a", "b");
  }

  private Table create(List<PartitionField> partitioning) {
    tables().create(TableName.ofDefault("sales"), TableDefinition.of(SCHEMA, Optional.empty(), partitioning, Map.of()), false);
    return load();
  }

  private Table load() {
    return tables().load(TableName.ofDefault("sales")).orElseThrow();
  }

  private ManagedTables tables() {
    return Warehouse.open(root.toString()).managedTables();
  }

  private static DataFile append(Table table, String name, String region) {
    DataFile file = file(table, name, region);
    table.newAppend().appendFile(file).commit();
    return file;
  }

  /** A data file of two rows as the manifests describe it; commits never open it. */
  private static DataFile file(Table table, String name, String region) {
    DataFiles.Builder file = DataFiles.builder(table.spec()).withPath(table.location() + "/data/" + name + ".parquet")
        .withFileSizeInBytes(100).withRecordCount(2).withFormat(org.apache.iceberg.FileFormat.PARQUET);
    if (region != null) {
      file.withPartitionPath("region=" + region);
    }
    return file.build();
  }

  /** The names of the data files of the current snapshot. */
  private static List<String> files(Table table) {
    List<String> names = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(task -> names.add(new org.apache.hadoop.fs.Path(task.file().location()).getName()
          .replace(".parquet", "")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return names;
  }

  private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable commit) {
    assertThatThrownBy(commit).isInstanceOf(FaiscaException.class).hasMessageContaining("nothing was changed")
        .extracting(e -> ((FaiscaException) e).code()).isEqualTo(ErrorCode.COMMIT_CONFLICT);
  }
}
