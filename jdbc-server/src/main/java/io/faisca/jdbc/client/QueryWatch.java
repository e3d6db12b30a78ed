package io.faisca.jdbc.client;

import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.calcite.avatica.AvaticaStatement;

/**
 * Watches one statement's query from execute until its last row is read or
 * its result set is closed: enforces the query timeout and carries out
 * {@code Statement.cancel()}, in both cases by stopping the query where it
 * runs. A stop requested while the execute call is still on its way (the
 * query perhaps not started yet) is repeated until that call returns.
 */
final class QueryWatch {
  private static final long REPEAT_MILLIS = 250;
  private static final long PROGRESS_MILLIS = 1000;
  private static final ScheduledExecutorService TIMER = daemon("faisca-query-timeouts");
  /** Apart from the timeouts: a slow answer about progress must not hold up a cancel. */
  private static final ScheduledExecutorService PROGRESS_TIMER = daemon("faisca-query-progress");

  /** An execute call of the statement. */
  interface Call<T> {
    T call() throws SQLException;
  }

  private final FaiscaConnection connection;
  private final AvaticaStatement statement;
  private long execution;
  private boolean running;
  private boolean inFlight;
  private int timeoutSeconds;
  private ScheduledFuture<?> timeout;
  private ScheduledFuture<?> repeat;
  private ScheduledFuture<?> progress;
  private volatile StopReason stopped;

  QueryWatch(FaiscaConnection connection, AvaticaStatement statement) {
    this.connection = connection;
    this.statement = statement;
  }

  /** Runs an execute call under watch; {@code resultsOpen} tells, afterwards, whether rows remain to be read. */
  <T> T run(Call<T> execute, BooleanSupplier resultsOpen) throws SQLException {
    begin(statement.getQueryTimeout());
    T result;
    try {
      result = execute.call();
    } catch (SQLException e) {
      throw failed(e);
    } catch (RuntimeException e) {
      throw failed(ClientErrors.fromFetch(e));
    }
    synchronized (this) {
      inFlight = false;
      cancel(repeat);
      endProgress();
    }
    StopReason reason = stopped;
    if (reason != null) {
      // Stopped while the call was on its way: make sure the query stops, and report it.
      connection.stopper().stop(statement.handle, reason);
      end();
      throw error(reason, null);
    }
    if (!resultsOpen.getAsBoolean()) {
      end();
    }
    return result;
  }

  /** Before reading a row: a stopped query yields no more rows, even ones already on the client. */
  void checkNotStopped() throws SQLException {
    StopReason reason = stopped;
    if (reason != null) {
      throw error(reason, null);
    }
  }

  /** An error while executing or reading rows; the query is over. */
  SQLException failed(SQLException e) {
    end();
    StopReason reason = stopped;
    return reason == StopReason.TIMEOUT ? error(reason, e) : ClientErrors.refine(e);
  }

  /** Stops the running query, if there is one; no-op otherwise. */
  void stop(StopReason reason) {
    stop(reason, -1);
  }

  /** Stops the query of execution {@code only} (any, if negative): a late timer never stops the next query. */
  private void stop(StopReason reason, long only) {
    synchronized (this) {
      if (!running || stopped != null || (only >= 0 && only != execution)) {
        return;
      }
      stopped = reason;
      if (inFlight) {
        repeat = TIMER.scheduleWithFixedDelay(() -> connection.stopper().stop(statement.handle, reason),
            REPEAT_MILLIS, REPEAT_MILLIS, TimeUnit.MILLISECONDS);
      }
    }
    connection.stopper().stop(statement.handle, reason);
  }

  /** Which execution of the statement is the latest; a result set belongs to the one current when it was made. */
  synchronized long execution() {
    return execution;
  }

  /** A result set was closed: if its query still runs (rows unread), stop it. */
  void closed(long resultExecution) {
    synchronized (this) {
      if (resultExecution != execution || !running) {
        return;
      }
    }
    stop(StopReason.CANCEL);
    end();
  }

  /** The query is over: its rows were all read, its result set closed, or it failed. */
  synchronized void end() {
    running = false;
    inFlight = false;
    cancel(timeout);
    cancel(repeat);
    endProgress();
  }

  private synchronized void begin(int seconds) {
    end();
    execution++;
    stopped = null;
    running = true;
    inFlight = true;
    timeoutSeconds = seconds;
    if (seconds > 0) {
      long timed = execution;
      timeout = TIMER.schedule(() -> stop(StopReason.TIMEOUT, timed), seconds, TimeUnit.SECONDS);
    }
    ProgressLine line = connection.progressLine();
    if (line != null) {
      // While the execute call waits for the first rows, the stages that compute them show their tasks.
      line.start();
      progress = PROGRESS_TIMER.scheduleWithFixedDelay(() -> line.show(line.progress().stages(statement.handle)),
          PROGRESS_MILLIS, PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void endProgress() {
    ProgressLine line = connection.progressLine();
    if (progress != null) {
      cancel(progress);
      progress = null;
      line.clear();
    }
  }

  private SQLException error(StopReason reason, SQLException cause) {
    SQLException error = reason == StopReason.TIMEOUT
        ? ClientErrors.timeout(timeoutSeconds)
        : new SQLException("The query was cancelled", "57014");
    if (cause != null) {
      error.initCause(cause);
    }
    return error;
  }

  private static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    });
  }

  private static void cancel(ScheduledFuture<?> task) {
    if (task != null) {
      task.cancel(false);
    }
  }
}
