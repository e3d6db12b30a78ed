package io.faisca.jdbc.client;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line on a terminal showing a running query's stages, as Spark's own console progress bar does,
 * rewritten in place ({@code \r}) and wiped when the query has answered: {@code [Stage 3: 12/40 (+2)]}.
 */
public final class ProgressLine {
  private final QueryProgress progress;
  private final PrintStream terminal;
  private int shown;
  private boolean active;

  public ProgressLine(QueryProgress progress, PrintStream terminal) {
    this.progress = progress;
    this.terminal = terminal;
  }

  QueryProgress progress() {
    return progress;
  }

  /** A query starts: its stages may be shown until {@link #clear}. */
  synchronized void start() {
    active = true;
  }

  /** Shows the stages now running; nothing when none is, or once the query has answered. */
  synchronized void show(List<QueryProgress.Stage> stages) {
    if (!active || stages.isEmpty()) {
      return;
    }
    String line = stages.stream()
        .map(stage -> "[Stage " + stage.id() + ": " + stage.completed() + "/" + stage.tasks()
            + (stage.running() > 0 ? " (+" + stage.running() + ")" : "") + "]")
        .collect(Collectors.joining(" "));
    terminal.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
    terminal.flush();
    shown = line.length();
  }

  /** Wipes the line, if one is shown; nothing more is shown until the next start. */
  synchronized void clear() {
    active = false;
    if (shown > 0) {
      terminal.print("\r" + " ".repeat(shown) + "\r");
      terminal.flush();
      shown = 0;
    }
  }
}
