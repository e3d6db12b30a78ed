package io.faisca.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

class MiniHdfsTest {
  @Test void starts() throws Exception {
    String dir = MiniHdfs.newDirectory("smoke");
    assertThat(MiniHdfs.fileSystem().exists(new Path(dir))).isTrue();
  }
}
