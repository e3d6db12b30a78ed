package io.faisca.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * faisca-app.jar holds what a Spark distribution lacks and nothing it has: a library in both would be
 * loaded from Spark's copy anyway, and only weighs on every job's upload. Running it is
 * StandaloneClusterTest's (spark-submit on the cluster).
 */
class ApplicationJarTest {
  private static final Path JAR = Path.of(System.getProperty("faisca.app.jar"));

  @Test void sparkSubmitFindsItsEntryPointAndTheJdbcDriver() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.faisca.cli.Main");
      assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver")).readAllBytes()))
          .contains("io.faisca.jdbc.FaiscaDriver", "io.faisca.jdbc.FaiscaRemoteDriver");
      assertThat(jar.getEntry("org/apache/calcite/tools/Frameworks.class")).isNotNull();
      assertThat(jar.getEntry("org/apache/iceberg/Table.class")).isNotNull();
    }
  }

  @Test void holdsNoClassOfSparksDistribution() throws IOException {
    Set<String> spark = new HashSet<>();
    String classpath = Files.readString(Path.of(System.getProperty("faisca.spark.classpath"))).strip();
    for (String jar : classpath.split(File.pathSeparator)) {
      spark.addAll(classes(Path.of(jar)));
    }
    assertThat(spark).contains("org/apache/spark/sql/SparkSession.class", "scala/Option.class");
    // Parquet's jars each carry the same relocated fastutil; Spark's jars all carry one stub class.
    assertThat(classes(JAR)).filteredOn(spark::contains)
        .filteredOn(name -> !name.startsWith("shaded/parquet/") && !name.startsWith("org/apache/spark/unused/"))
        .isEmpty();
  }

  private static List<String> classes(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile()); Stream<JarEntry> entries = file.stream()) {
      return entries.map(JarEntry::getName).filter(name -> name.endsWith(".class")).toList();
    }
  }
}
