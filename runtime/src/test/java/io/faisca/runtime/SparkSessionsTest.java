package io.faisca.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {
  /** sqllogictest's select5 joins up to 64 ten-row tables: with Spark's 64 MiB pages that needs 4 GB. */
  @Test void pagesAreSmallEnoughForManyBroadcastTables() {
    assertThat(SparkSessions.defaults("local[2]")).containsEntry("spark.buffer.pageSize", "4m");
    assertThat(SparkSessions.defaults("spark://host:7077")).containsEntry("spark.buffer.pageSize", "4m");
  }

  /** Built from classes directories here: each is packed into a jar, since Spark ships files. */
  @Test void clusterJobsShipFaiscasRuntimeAndIcebergThenTheCallersJars() throws Exception {
    assertThat(ExecutorJars.paths()).allSatisfy(jar -> assertThat(jar).isRegularFile().hasExtension("jar"));
    assertThat(ExecutorJars.paths()).anySatisfy(jar -> assertThat(entries(jar))
        .contains("io/faisca/runtime/write/IcebergBucket.class"));
    assertThat(ExecutorJars.paths()).anySatisfy(jar -> assertThat(entries(jar))
        .contains("org/apache/iceberg/transforms/Transforms.class"));
    assertThat(ExecutorJars.paths()).noneSatisfy(jar -> assertThat(entries(jar))
        .contains("org/apache/spark/sql/SparkSession.class"));
    String jars = SparkSessions.withExecutorJars("hdfs://nn/lib/mine.jar");
    assertThat(jars.split(",")).hasSize(ExecutorJars.paths().size() + 1).endsWith("hdfs://nn/lib/mine.jar");
  }

  /** spark-submit of Faísca's application jar names it in spark.jars already (file:/path): shipped once. */
  @Test void aJarTheCallerShipsToo() {
    Path first = ExecutorJars.paths().get(0);
    String jars = SparkSessions.withExecutorJars("file:" + first + ", " + first + ",hdfs://nn/lib/mine.jar");
    assertThat(jars.split(",")).hasSize(ExecutorJars.paths().size() + 1).endsWith("hdfs://nn/lib/mine.jar");
  }

  @Test void aClusterKeepsSparksUiAndOneMachineRunsWithout() {
    assertThat(SparkSessions.defaults("local[2]")).containsEntry("spark.ui.enabled", "false");
    assertThat(SparkSessions.defaults("spark://host:7077")).doesNotContainKey("spark.ui.enabled");
  }

  @Test void theMasterSparkSubmitPassesIsTheDefault() {
    String before = System.getProperty("spark.master");
    try {
      System.clearProperty("spark.master");
      assertThat(SparkSessions.defaultMaster()).isEqualTo("local[*]");
      System.setProperty("spark.master", "spark://host:7077");
      assertThat(SparkSessions.defaultMaster()).isEqualTo("spark://host:7077");
    } finally {
      if (before == null) {
        System.clearProperty("spark.master");
      } else {
        System.setProperty("spark.master", before);
      }
    }
  }

  private static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(JarEntry::getName).toList();
    }
  }

  @Test void localMastersSizeShufflesToTheirCores() {
    assertThat(SparkSessions.defaults("local[3]")).containsEntry("spark.sql.shuffle.partitions", "6");
    assertThat(SparkSessions.defaults("spark://host:7077")).doesNotContainKey("spark.sql.shuffle.partitions");
  }
}
