package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.StatisticsFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileIO;

/**
 * Housekeeping of a managed table's files: what failed or killed writes left behind, and the
 * snapshots no one needs any more.
 */
public final class TableMaintenance {
  private final Table table;
  private final Configuration conf;

  TableMaintenance(Table table, Configuration conf) {
    this.table = table;
    this.conf = conf;
  }

  /**
   * Deletes the files under the table's directory that no snapshot and no kept metadata version
   * references and that were last modified before {@code olderThan}: the data and metadata of writes
   * that failed or were killed before their commit. Younger files are left alone, for they may belong
   * to a write still running. Returns how many files it deleted.
   */
  public long removeOrphanFiles(Instant olderThan) {
    Path location = new Path(table.location());
    try {
      FileSystem fs = location.getFileSystem(conf);
      Set<String> referenced = new HashSet<>();
      for (String file : referencedFiles()) {
        referenced.add(fs.makeQualified(new Path(file)).toString());
      }
      long deleted = 0;
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(location, true);
      while (files.hasNext()) {
        LocatedFileStatus file = files.next();
        String path = fs.makeQualified(file.getPath()).toString();
        if (!referenced.contains(path) && file.getModificationTime() < olderThan.toEpochMilli()
            && fs.delete(file.getPath(), false)) {
          deleted++;
        }
      }
      return deleted;
    } catch (IOException e) {
      throw new FaiscaException(ErrorCode.IO_ERROR, "Cannot remove orphan files of table '" + table.name()
          + "': " + e.getMessage(), e);
    }
  }

  /**
   * Forgets the snapshots made before {@code olderThan}, keeping the current one and at least
   * {@code retainLast}, then deletes the files only they referenced. Returns how many files it deleted.
   */
  public long expireSnapshots(Instant olderThan, int retainLast) {
    AtomicLong deleted = new AtomicLong();
    FileIO io = table.io();
    table.expireSnapshots()
        .expireOlderThan(olderThan.toEpochMilli())
        .retainLast(retainLast)
        .deleteWith(file -> {
          io.deleteFile(file);
          deleted.incrementAndGet();
        })
        .commit();
    return deleted.get();
  }

  /** Every file the table's kept metadata versions and snapshots reference, as written in them. */
  private List<String> referencedFiles() throws IOException {
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    Set<String> files = new HashSet<>();
    files.add(metadata.metadataFileLocation());
    metadata.previousFiles().forEach(entry -> files.add(entry.file()));
    metadata.statisticsFiles().stream().map(StatisticsFile::path).forEach(files::add);
    // A catalog of metadata files (on HDFS) finds the current version through this file.
    files.add(new Path(new Path(metadata.metadataFileLocation()).getParent(), "version-hint.text").toString());
    FileIO io = table.io();
    for (Snapshot snapshot : table.snapshots()) {
      if (snapshot.manifestListLocation() != null) {
        files.add(snapshot.manifestListLocation());
      }
      for (ManifestFile manifest : snapshot.allManifests(io)) {
        files.add(manifest.path());
        try (CloseableIterable<String> paths = ManifestFiles.readPaths(manifest, io, table.specs())) {
          paths.forEach(files::add);
        }
      }
    }
    return List.copyOf(files);
  }
}
