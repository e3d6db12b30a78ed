package io.faisca.jdbc.meta;

import io.faisca.error.ErrorCode;
import io.faisca.runtime.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.Meta;

/** One client connection: its properties, its session (settings) and its statements. */
final class ConnectionState {
  final String id;
  final Map<String, String> info;
  final Session session;
  private final ConcurrentMap<Integer, StatementState> statements = new ConcurrentHashMap<>();
  private final AtomicInteger nextStatementId = new AtomicInteger(1);
  private volatile long lastUsed = System.currentTimeMillis();
  private boolean closed;
  private Meta.ConnectionProperties properties = new ConnectionPropertiesImpl(true, true,
      java.sql.Connection.TRANSACTION_NONE, null, io.faisca.catalog.WarehouseSchema.NAME);

  ConnectionState(String id, Map<String, String> info, Session session) {
    this.id = id;
    this.info = Map.copyOf(info);
    this.session = session;
  }

  void touch() {
    lastUsed = System.currentTimeMillis();
  }

  long lastUsed() {
    return lastUsed;
  }

  java.util.Collection<StatementState> statements() {
    return statements.values();
  }

  /** A new statement; a connection closed meanwhile refuses it, so no statement outlives its connection. */
  synchronized StatementState newStatement() {
    if (closed) {
      throw Errors.of(ErrorCode.CONNECTION_NOT_FOUND, "Connection '" + id + "' is closed");
    }
    StatementState statement = new StatementState(nextStatementId.getAndIncrement());
    statements.put(statement.id, statement);
    return statement;
  }

  StatementState statement(int id) {
    return statements.get(id);
  }

  StatementState removeStatement(int id) {
    return statements.remove(id);
  }

  synchronized Meta.ConnectionProperties sync(Meta.ConnectionProperties changes) {
    properties = properties.merge(changes);
    return properties;
  }

  void close() {
    synchronized (this) {
      closed = true;
    }
    statements.values().forEach(StatementState::close);
    statements.clear();
  }
}
