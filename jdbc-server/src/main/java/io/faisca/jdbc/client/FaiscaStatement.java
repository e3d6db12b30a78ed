package io.faisca.jdbc.client;

import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/** A statement whose query timeout and cancel stop the query where it runs. */
final class FaiscaStatement extends AvaticaStatement implements Watched {
  private final QueryWatch watch;

  FaiscaStatement(FaiscaConnection connection, Meta.StatementHandle h, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) {
    super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
    this.watch = new QueryWatch(connection, this);
  }

  @Override protected void executeInternal(String sql) throws SQLException {
    watch.run(() -> {
      super.executeInternal(sql);
      return null;
    }, () -> openResultSet != null);
  }

  /** Not synchronized, unlike Avatica's: the executing thread holds the statement's lock while it waits. */
  @Override public void cancel() throws SQLException {
    checkOpen();
    watch.stop(StopReason.CANCEL);
  }

  @Override public QueryWatch watch() {
    return watch;
  }
}
