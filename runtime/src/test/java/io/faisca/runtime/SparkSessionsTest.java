package io.faisca.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparkSessionsTest {
  /** sqllogictest's select5 joins up to 64 ten-row tables: with Spark's 64 MiB pages that needs 4 GB. */
  @Test void pagesAreSmallEnoughForManyBroadcastTables() {
    assertThat(SparkSessions.defaults("local[2]")).containsEntry("spark.buffer.pageSize", "4m");
    assertThat(SparkSessions.defaults("spark://host:7077")).containsEntry("spark.buffer.pageSize", "4m");
  }

  @Test void localMastersSizeShufflesToTheirCores() {
    assertThat(SparkSessions.defaults("local[3]")).containsEntry("spark.sql.shuffle.partitions", "6");
    assertThat(SparkSessions.defaults("spark://host:7077")).doesNotContainKey("spark.sql.shuffle.partitions");
  }
}
