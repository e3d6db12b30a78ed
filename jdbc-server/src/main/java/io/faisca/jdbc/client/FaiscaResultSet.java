package io.faisca.jdbc.client;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;

/**
 * Rows of a query as they stream in. Errors while fetching are SQLExceptions
 * (Avatica reports them unchecked); closing before the last row stops the
 * query, so no Spark job keeps running for rows nobody will read.
 */
final class FaiscaResultSet extends AvaticaResultSet {
  private final QueryWatch watch;
  private final long execution;

  FaiscaResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    super(statement, state, signature, metaData, timeZone, firstFrame);
    this.watch = statement instanceof Watched watched ? watched.watch() : null;
    this.execution = watch == null ? 0 : watch.execution();
  }

  @Override public boolean next() throws SQLException {
    if (watch == null) {
      return super.next();
    }
    watch.checkNotStopped();
    try {
      boolean more = super.next();
      if (!more) {
        watch.end();
      }
      return more;
    } catch (SQLException e) {
      throw watch.failed(e);
    } catch (RuntimeException e) {
      throw watch.failed(ClientErrors.fromFetch(e));
    }
  }

  @Override public void close() {
    if (watch != null) {
      watch.closed(execution);
    }
    super.close();
  }
}
