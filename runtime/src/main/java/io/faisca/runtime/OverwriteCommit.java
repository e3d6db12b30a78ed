package io.faisca.runtime;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.ReplacePartitions;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotUpdate;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.expressions.Expressions;

/**
 * Makes the files an {@code INSERT OVERWRITE} wrote the table's, in one
 * commit: they replace every row of an unpartitioned table, and of a
 * partitioned one the partitions they hold rows of (a dynamic overwrite;
 * partitions they hold no row of stay). Anything committed since the
 * statement's base snapshot that adds or deletes data in what is replaced
 * is a conflict: the statement fails with 40001 and the table is unchanged.
 */
final class OverwriteCommit {
  private OverwriteCommit() {
  }

  /** Commits {@code files} over what they replace; returns the rows written. */
  static long commit(String name, Table table, Snapshot base, List<DataFile> files) {
    if (files.isEmpty() && table.spec().isPartitioned()) {
      // No row, so no partition to replace.
      return 0;
    }
    SnapshotUpdate<?> update = table.spec().isPartitioned() ? replacePartitions(table, base, files)
        : replaceAll(table, base, files);
    try {
      update.commit();
    } catch (ValidationException | CommitFailedException e) {
      throw new FaiscaException(ErrorCode.COMMIT_CONFLICT, "Table '" + name + "' changed in what this INSERT"
          + " OVERWRITE replaces while it ran; nothing was changed. Run it again", e);
    }
    return files.stream().mapToLong(DataFile::recordCount).sum();
  }

  /** Iceberg's dynamic overwrite: it replaces the partitions of the files added, and checks only those. */
  private static ReplacePartitions replacePartitions(Table table, Snapshot base, List<DataFile> files) {
    ReplacePartitions replace = table.newReplacePartitions().validateNoConflictingData().validateNoConflictingDeletes();
    if (base != null) {
      replace.validateFromSnapshot(base.snapshotId());
    }
    files.forEach(replace::addFile);
    return replace;
  }

  /** Every row goes, even when no file comes (Iceberg's dynamic overwrite would then replace nothing). */
  private static OverwriteFiles replaceAll(Table table, Snapshot base, List<DataFile> files) {
    OverwriteFiles overwrite = table.newOverwrite()
        .overwriteByRowFilter(Expressions.alwaysTrue())
        .conflictDetectionFilter(Expressions.alwaysTrue())
        .validateNoConflictingData()
        .validateNoConflictingDeletes();
    if (base != null) {
      overwrite.validateFromSnapshot(base.snapshotId());
    }
    files.forEach(overwrite::addFile);
    return overwrite;
  }
}
