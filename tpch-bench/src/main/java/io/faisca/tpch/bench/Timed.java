package io.faisca.tpch.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The elapsed time of one run, and the CPU time the whole process (driver and local executors) spent in it. */
record Timed(double seconds, double cpuSeconds) {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** A run being timed. */
  record Clock(long startNanos, long startCpuNanos) {
    Timed stop() {
      return new Timed((System.nanoTime() - startNanos) / 1e9, (OS.getProcessCpuTime() - startCpuNanos) / 1e9);
    }
  }

  static Clock start() {
    return new Clock(System.nanoTime(), OS.getProcessCpuTime());
  }

  static double median(List<Timed> runs, ToDoubleFunction<Timed> value) {
    return QueryStats.median(runs.stream().map(value::applyAsDouble).toList());
  }

  static double min(List<Timed> runs, ToDoubleFunction<Timed> value) {
    return runs.stream().mapToDouble(value).min().orElseThrow();
  }
}
