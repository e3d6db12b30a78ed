package io.faisca.jdbc.client;

import java.util.List;
import org.apache.calcite.avatica.Meta;

/** Where a statement's running query stands: the Spark stages it runs now. */
public interface QueryProgress {
  List<Stage> stages(Meta.StatementHandle statement);

  /** A running stage: its tasks in all, done and running. */
  record Stage(int id, int tasks, int completed, int running) {
  }
}
