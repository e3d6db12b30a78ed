package io.faisca.jdbc.client;

import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.UnregisteredDriver;

/** A connection of either Faísca driver; it knows how to stop its statements' queries, and may show their progress. */
public final class FaiscaConnection extends AvaticaConnection {
  private volatile StatementStopper stopper = (statement, reason) -> { };
  private volatile ProgressLine progressLine;

  FaiscaConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
    super(driver, factory, url, info);
  }

  /** Set by the driver once connected. */
  public void useStopper(StatementStopper newStopper) {
    this.stopper = newStopper;
  }

  StatementStopper stopper() {
    return stopper;
  }

  /** Set by the driver when asked to show a running query's progress. */
  public void useProgressLine(ProgressLine line) {
    this.progressLine = line;
  }

  /** Where to show a running query's progress; null when not asked to. */
  ProgressLine progressLine() {
    return progressLine;
  }
}
