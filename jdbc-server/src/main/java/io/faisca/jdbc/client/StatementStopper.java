package io.faisca.jdbc.client;

import org.apache.calcite.avatica.Meta;

/**
 * Stops a statement's running query where it runs. Avatica's protocol has no
 * cancel request, so each driver supplies its own way: in process, a call on
 * the Meta; remotely, a request to the server's cancel endpoint.
 */
public interface StatementStopper {
  void stop(Meta.StatementHandle statement, StopReason reason);
}
