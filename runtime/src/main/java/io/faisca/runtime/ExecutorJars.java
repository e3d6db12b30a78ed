package io.faisca.runtime;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jars a cluster's executors need besides Spark's own (Avro files included, a part of Spark SQL since
 * 4.0): Faísca's runtime, whose Iceberg bucket function runs in tasks, and the Iceberg libraries that
 * function calls. A Spark session on a cluster ships them with the job ({@code spark.jars}), so
 * executors of any standalone, YARN or Kubernetes cluster run Faísca's stages. A classes directory (a
 * build not yet packaged) is packed into a jar first, since Spark ships only files.
 */
public final class ExecutorJars {
  private static final List<String> MARKER_CLASSES = List.of(
      "io.faisca.runtime.ExecutorJars",
      "org.apache.iceberg.transforms.Transforms",
      "org.apache.iceberg.common.DynMethods",
      "org.apache.iceberg.relocated.com.google.common.base.Preconditions");
  private static List<Path> jars;

  private ExecutorJars() {
  }

  /** The jar files, in a stable order, each once. */
  public static synchronized List<Path> paths() {
    if (jars == null) {
      Set<Path> found = new LinkedHashSet<>();
      for (String name : MARKER_CLASSES) {
        found.add(asJar(codeSource(name)));
      }
      jars = List.copyOf(found);
    }
    return jars;
  }

  private static Path codeSource(String className) {
    try {
      CodeSource source = Class.forName(className, false, ExecutorJars.class.getClassLoader())
          .getProtectionDomain().getCodeSource();
      return Path.of(source.getLocation().toURI()).toAbsolutePath();
    } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
      throw new FaiscaException(ErrorCode.INTERNAL_ERROR, "Cannot find the jar of " + className
          + " to ship to the cluster's executors", e);
    }
  }

  private static Path asJar(Path codeSource) {
    if (!Files.isDirectory(codeSource)) {
      return codeSource;
    }
    try {
      Path jar = Files.createTempFile("faisca-classes-", ".jar");
      jar.toFile().deleteOnExit();
      try (OutputStream out = Files.newOutputStream(jar); JarOutputStream packed = new JarOutputStream(out);
          Stream<Path> files = Files.walk(codeSource)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          packed.putNextEntry(new JarEntry(codeSource.relativize(file).toString().replace('\\', '/')));
          Files.copy(file, packed);
          packed.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new FaiscaException(ErrorCode.IO_ERROR, "Cannot pack " + codeSource + " into a jar for the executors", e);
    }
  }
}
