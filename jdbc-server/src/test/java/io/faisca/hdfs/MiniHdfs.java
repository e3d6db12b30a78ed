package io.faisca.hdfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * One real HDFS (a NameNode and a DataNode on loopback) for the whole test JVM, started on first use
 * and stopped when the JVM exits. Each test gets a fresh directory of its own.
 */
public final class MiniHdfs {
  private static final AtomicInteger DIRECTORIES = new AtomicInteger();
  private static MiniDFSCluster cluster;

  private MiniHdfs() {
  }

  /** {@code hdfs://127.0.0.1:PORT}. */
  public static synchronized String uri() {
    if (cluster == null) {
      cluster = start();
    }
    return "hdfs://127.0.0.1:" + cluster.getNameNodePort();
  }

  /** A new, empty directory, e.g. {@code hdfs://127.0.0.1:PORT/test-3}. */
  public static String newDirectory(String prefix) {
    String dir = uri() + "/" + prefix + "-" + DIRECTORIES.incrementAndGet();
    try {
      FileSystem fs = fileSystem();
      fs.mkdirs(new org.apache.hadoop.fs.Path(dir));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return dir;
  }

  public static FileSystem fileSystem() throws IOException {
    return cluster().getFileSystem();
  }

  private static synchronized MiniDFSCluster cluster() {
    uri();
    return cluster;
  }

  private static MiniDFSCluster start() {
    try {
      Path base = Files.createTempDirectory("minidfs");
      Configuration conf = new Configuration();
      conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
      conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
      conf.set("dfs.datanode.address", "127.0.0.1:0");
      conf.set("dfs.datanode.http.address", "127.0.0.1:0");
      conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
      conf.set("dfs.namenode.http-address", "127.0.0.1:0");
      MiniDFSCluster started = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
      started.waitClusterUp();
      Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown, "minidfs-shutdown"));
      return started;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start HDFS: " + e.getMessage(), e);
    }
  }
}
