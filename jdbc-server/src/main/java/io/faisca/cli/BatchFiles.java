package io.faisca.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * A batch run's script and result files: local paths, or URIs of a Hadoop filesystem ({@code hdfs://…},
 * {@code s3a://…}). A driver that spark-submit starts on a cluster (its cluster deploy mode) runs in a
 * container, whose local disk holds neither the script nor, after the job, the results.
 */
final class BatchFiles {
  private static final Pattern URI_SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://.*");

  private BatchFiles() {
  }

  static String read(String location) throws IOException {
    if (!isUri(location)) {
      return Files.readString(Path.of(location));
    }
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(URI.create(location));
    try (InputStream in = path.getFileSystem(new Configuration()).open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A new file {@code name} in directory {@code dir}, created with the directory if need be. */
  static Writer create(String dir, String name) throws IOException {
    if (!isUri(dir)) {
      return Files.newBufferedWriter(Files.createDirectories(Path.of(dir)).resolve(name), StandardCharsets.UTF_8);
    }
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(URI.create(dir)), name);
    FileSystem fileSystem = file.getFileSystem(new Configuration());
    return new BufferedWriter(new OutputStreamWriter(fileSystem.create(file, true), StandardCharsets.UTF_8));
  }

  private static boolean isUri(String location) {
    return URI_SCHEME.matcher(location).matches() && !location.startsWith("file:");
  }
}
