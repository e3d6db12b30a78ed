package io.faisca.jdbc.meta;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.jdbc.ConnectionSettings;
import io.faisca.jdbc.FaiscaVersion;
import io.faisca.runtime.CatalogQuery;
import io.faisca.runtime.FaiscaEngine;
import io.faisca.runtime.Prepared;
import io.faisca.runtime.Command;
import io.faisca.runtime.StageProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.ProtobufMeta;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * The one Avatica {@code Meta} of Faísca: it serves the embedded driver and
 * the HTTP server alike. Connections and statements live here, keyed by the
 * ids clients send; queries are planned by the engine and their rows streamed
 * out frame by frame.
 */
public final class FaiscaMeta implements ProtobufMeta {
  /** Connection properties that choose the engine: fixed by whoever started it, never by a remote client. */
  private static final Set<String> ENGINE_PROPERTIES = Set.of(ConnectionSettings.WAREHOUSE,
      ConnectionSettings.CATALOG_URI, ConnectionSettings.MASTER);

  private final FaiscaEngine engine;
  private final Catalog catalog;
  private final MetaSettings settings;
  private final ClientActivity activity;
  private final Semaphore running;
  private final ConcurrentMap<String, ConnectionState> connections = new ConcurrentHashMap<>();
  private final ExecutorService producers = Executors.newCachedThreadPool(daemonThreads("faisca-query-"));
  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
      daemonThreads("faisca-timeouts-"));
  private final Streaming streaming;

  public FaiscaMeta(FaiscaEngine engine, MetaSettings settings, ClientActivity activity) {
    this.engine = engine;
    this.catalog = new Catalog(engine.warehouse());
    this.settings = settings;
    this.activity = activity;
    this.running = new Semaphore(settings.maxRunningQueries());
    // A query that ends before its time limit leaves no task (holding the query) in the timer.
    timer.setRemoveOnCancelPolicy(true);
    this.streaming = new Streaming(producers, timer, settings.pollMillis());
  }

  public FaiscaEngine engine() {
    return engine;
  }

  // Connections and statements

  @Override public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    Map<String, String> kept = new HashMap<>();
    if (info != null) {
      for (Map.Entry<String, String> property : info.entrySet()) {
        String name = property.getKey();
        if (settings.remoteClients() && (ENGINE_PROPERTIES.contains(name) || name.startsWith("spark."))) {
          throw Errors.of(ErrorCode.INVALID_CONNECTION_PROPERTY, "Connection property '" + name
              + "' is chosen by the server; a client cannot set it");
        }
        if (!name.toLowerCase(Locale.ROOT).contains("password")) {
          kept.put(name, property.getValue());
        }
      }
    }
    if (ch.id == null) {
      throw Errors.of(ErrorCode.CONNECTION_NOT_FOUND, "A connection id is required");
    }
    // Clients choose connection ids: one in use stays with its owner, whose queries keep running.
    if (connections.putIfAbsent(ch.id, new ConnectionState(ch.id, kept, engine.newSession())) != null) {
      throw Errors.of(ErrorCode.CONNECTION_IN_USE, "Connection '" + ch.id + "' is already open");
    }
    activity.seen(ch.id);
  }

  @Override public void closeConnection(ConnectionHandle ch) {
    ConnectionState connection = ch.id == null ? null : connections.remove(ch.id);
    if (connection != null) {
      connection.close();
      activity.closed(ch.id);
    }
  }

  @Override public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties props) {
    return connection(ch.id).sync(props);
  }

  @Override public StatementHandle createStatement(ConnectionHandle ch) {
    return new StatementHandle(ch.id, connection(ch.id).newStatement().id, null);
  }

  @Override public void closeStatement(StatementHandle h) {
    ConnectionState connection = h.connectionId == null ? null : connections.get(h.connectionId);
    StatementState statement = connection == null ? null : connection.removeStatement(h.id);
    if (statement != null) {
      statement.close();
    }
  }

  @Override public void commit(ConnectionHandle ch) {
    connection(ch.id);
  }

  @Override public void rollback(ConnectionHandle ch) {
    connection(ch.id);
  }

  // Queries

  @Override public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    ConnectionState connection = connection(ch.id);
    StatementState statement = connection.newStatement();
    try {
      return new StatementHandle(ch.id, statement.id, prepare(connection, statement, sql, maxRowCount));
    } catch (RuntimeException e) {
      connection.removeStatement(statement.id);
      throw e;
    }
  }

  @Override public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      PrepareCallback callback) throws NoSuchStatementException {
    return prepareAndExecute(h, sql, maxRowCount, -1, callback);
  }

  @Override public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      int maxRowsInFirstFrame, PrepareCallback callback) throws NoSuchStatementException {
    StatementState statement = statement(h);
    Signature signature = prepare(connection(h.connectionId), statement, sql, maxRowCount);
    MetaResultSet result = run(h, statement, List.of(), maxRowsInFirstFrame);
    try {
      synchronized (callback.getMonitor()) {
        callback.clear();
        callback.assign(signature, result.firstFrame, result.updateCount);
      }
      callback.execute();
    } catch (java.sql.SQLException e) {
      throw Errors.toAvatica(new FaiscaException(ErrorCode.INTERNAL_ERROR, e.getMessage(), e));
    }
    return new ExecuteResult(List.of(result));
  }

  @Override public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      long maxRowCount) throws NoSuchStatementException {
    return execute(h, parameterValues, AvaticaUtils.toSaturatedInt(maxRowCount));
  }

  @Override public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      int maxRowsInFirstFrame) throws NoSuchStatementException {
    StatementState statement = statement(h);
    Prepared prepared = statement.prepared();
    if (prepared == null) {
      throw Errors.of(ErrorCode.INVALID_ARGUMENT, "Statement " + h.id + " has not been prepared");
    }
    List<Object> local = new ArrayList<>();
    if (parameterValues != null) {
      for (TypedValue value : parameterValues) {
        local.add(value == null ? null : value.toLocal());
      }
    }
    int expected = prepared.parameterRowType().getFieldCount();
    if (local.size() < expected) {
      throw Errors.of(ErrorCode.INVALID_ARGUMENT, "The statement has " + expected
          + " parameters but " + local.size() + " values were bound");
    }
    List<Object> parameters = RowConverter.toEngineParameters(local, prepared.parameterRowType());
    return new ExecuteResult(List.of(run(h, statement, parameters, maxRowsInFirstFrame)));
  }

  @Override public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount) {
    StatementState statement = statement(h);
    if (!statement.hasResults()) {
      throw Errors.of(ErrorCode.INVALID_ARGUMENT, "Statement " + h.id + " has no results to fetch");
    }
    return statement.fetch(offset, fetchMaxRowCount, settings.pollMillis());
  }

  /** Results are never re-created behind the client's back: a lost result is an error, not a re-run. */
  @Override public boolean syncResults(StatementHandle sh, QueryState state, long offset) {
    statement(sh);
    throw Errors.of(ErrorCode.INVALID_ARGUMENT, "The results of statement " + sh.id
        + " are gone and are not re-created; run the statement again");
  }

  @Override public Iterable<Object> createIterable(StatementHandle handle, QueryState state,
      Signature signature, List<TypedValue> parameterValues, Frame firstFrame) {
    return new FrameIterable(this, handle, firstFrame, StatementState.DEFAULT_FRAME_SIZE);
  }

  @Override public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands) {
    throw Errors.of(ErrorCode.NOT_SUPPORTED, "Batches are not supported");
  }

  @Override public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues) {
    throw Errors.of(ErrorCode.NOT_SUPPORTED, "Batches are not supported");
  }

  @Override public ExecuteBatchResult executeBatchProtobuf(StatementHandle h,
      List<Requests.UpdateBatch> parameterValues) {
    throw Errors.of(ErrorCode.NOT_SUPPORTED, "Batches are not supported");
  }

  /**
   * Cancels whatever the statement is running, from any thread; its client sees {@code reason}. The
   * statement stays open. Returns whether the statement exists.
   */
  public boolean cancel(StatementHandle h, FaiscaException reason) {
    ConnectionState connection = h.connectionId == null ? null : connections.get(h.connectionId);
    StatementState statement = connection == null ? null : connection.statement(h.id);
    if (statement != null) {
      statement.fail(reason);
    }
    return statement != null;
  }

  /** The Spark stages a statement's query runs now; empty when there is no such statement. */
  public Optional<List<StageProgress>> progress(StatementHandle h) {
    ConnectionState connection = h.connectionId == null ? null : connections.get(h.connectionId);
    StatementState statement = connection == null ? null : connection.statement(h.id);
    return statement == null ? Optional.empty() : Optional.of(statement.progress());
  }

  private Signature prepare(ConnectionState connection, StatementState statement, String sql, long maxRowCount) {
    try {
      Prepared prepared = connection.session.prepare(sql);
      Signature signature = Signatures.of(prepared);
      statement.prepare(prepared, signature, maxRowCount);
      return signature;
    } catch (RuntimeException e) {
      throw Errors.toAvatica(e);
    }
  }

  /**
   * Runs a prepared statement: a query starts and returns its first frame, a command returns its count,
   * a question about the catalog returns all its rows in one frame.
   */
  private MetaResultSet run(StatementHandle h, StatementState statement, List<?> parameters, int firstFrameSize) {
    if (statement.prepared() instanceof Command command) {
      try {
        return MetaResultSet.count(h.connectionId, h.id, command.execute());
      } catch (RuntimeException e) {
        throw Errors.toAvatica(e);
      }
    }
    if (statement.prepared() instanceof CatalogQuery query) {
      try {
        return MetaResultSet.create(h.connectionId, h.id, false, statement.signature(),
            new Frame(0, true, statement.capped(query.rows())));
      } catch (RuntimeException e) {
        throw Errors.toAvatica(e);
      }
    }
    Duration timeout = connection(h.connectionId).session.statementTimeout();
    if (!running.tryAcquire()) {
      throw Errors.of(ErrorCode.TOO_MANY_STATEMENTS, "The server runs at most " + settings.maxRunningQueries()
          + " queries at once; try again when one has finished");
    }
    // The query gives its slot back when it ends; if it never starts, the slot is given back here.
    AtomicBoolean released = new AtomicBoolean();
    Runnable release = () -> {
      if (released.compareAndSet(false, true)) {
        running.release();
      }
    };
    try {
      Frame first = statement.start(parameters, firstFrameSize, streaming, timeout, release);
      return MetaResultSet.create(h.connectionId, h.id, false, statement.signature(), first);
    } catch (AvaticaRuntimeException e) {
      if (!statement.running()) {
        release.run();
      }
      throw e;
    } catch (RuntimeException e) {
      if (!statement.running()) {
        release.run();
      }
      throw Errors.toAvatica(e);
    }
  }

  // Metadata: answered from the catalog, never by running a query.

  @Override public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    Map<DatabaseProperty, Object> properties = new EnumMap<>(DatabaseProperty.class);
    properties.put(DatabaseProperty.GET_DATABASE_PRODUCT_NAME, FaiscaVersion.PRODUCT_NAME);
    properties.put(DatabaseProperty.GET_DATABASE_PRODUCT_VERSION, FaiscaVersion.VERSION);
    properties.put(DatabaseProperty.GET_DRIVER_NAME, FaiscaVersion.DRIVER_NAME);
    properties.put(DatabaseProperty.GET_DRIVER_VERSION, FaiscaVersion.VERSION);
    properties.put(DatabaseProperty.GET_DATABASE_MAJOR_VERSION, FaiscaVersion.major());
    properties.put(DatabaseProperty.GET_DATABASE_MINOR_VERSION, FaiscaVersion.minor());
    properties.put(DatabaseProperty.GET_DRIVER_MAJOR_VERSION, FaiscaVersion.major());
    properties.put(DatabaseProperty.GET_DRIVER_MINOR_VERSION, FaiscaVersion.minor());
    properties.put(DatabaseProperty.GET_DEFAULT_TRANSACTION_ISOLATION, java.sql.Connection.TRANSACTION_NONE);
    return properties;
  }

  @Override public MetaResultSet getTables(ConnectionHandle ch, String catalogName, Pat schemaPattern,
      Pat tableNamePattern, List<String> typeList) {
    return metadata(ch, MetaImpl.MetaTable.class, catalog.tables(schemaPattern, tableNamePattern, typeList));
  }

  @Override public MetaResultSet getColumns(ConnectionHandle ch, String catalogName, Pat schemaPattern,
      Pat tableNamePattern, Pat columnNamePattern) {
    return metadata(ch, MetaImpl.MetaColumn.class,
        catalog.columns(schemaPattern, tableNamePattern, columnNamePattern));
  }

  @Override public MetaResultSet getSchemas(ConnectionHandle ch, String catalogName, Pat schemaPattern) {
    return metadata(ch, MetaImpl.MetaSchema.class, catalog.schemas(schemaPattern));
  }

  @Override public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return metadata(ch, MetaImpl.MetaCatalog.class, List.of());
  }

  @Override public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return metadata(ch, MetaImpl.MetaTableType.class, List.of(new MetaImpl.MetaTableType(Catalog.TABLE_TYPE),
        new MetaImpl.MetaTableType(Catalog.VIEW_TYPE)));
  }

  @Override public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return metadata(ch, MetaImpl.MetaTypeInfo.class, TypeInfo.rows());
  }

  @Override public MetaResultSet getPrimaryKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return metadata(ch, MetaImpl.MetaPrimaryKey.class, List.of());
  }

  @Override public MetaResultSet getImportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return metadata(ch, MetaImpl.MetaImportedKey.class, List.of());
  }

  @Override public MetaResultSet getExportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return metadata(ch, MetaImpl.MetaExportedKey.class, List.of());
  }

  @Override public MetaResultSet getCrossReference(ConnectionHandle ch, String parentCatalog,
      String parentSchema, String parentTable, String foreignCatalog, String foreignSchema, String foreignTable) {
    return metadata(ch, MetaImpl.MetaCrossReference.class, List.of());
  }

  @Override public MetaResultSet getProcedures(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat procedureNamePattern) {
    return metadata(ch, MetaImpl.MetaProcedure.class, List.of());
  }

  @Override public MetaResultSet getProcedureColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat procedureNamePattern, Pat columnNamePattern) {
    return metadata(ch, MetaImpl.MetaProcedureColumn.class, List.of());
  }

  @Override public MetaResultSet getColumnPrivileges(ConnectionHandle ch, String catalog, String schema,
      String table, Pat columnNamePattern) {
    return metadata(ch, MetaImpl.MetaColumnPrivilege.class, List.of());
  }

  @Override public MetaResultSet getTablePrivileges(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern) {
    return metadata(ch, MetaImpl.MetaTablePrivilege.class, List.of());
  }

  @Override public MetaResultSet getBestRowIdentifier(ConnectionHandle ch, String catalog, String schema,
      String table, int scope, boolean nullable) {
    return metadata(ch, MetaImpl.MetaBestRowIdentifier.class, List.of());
  }

  @Override public MetaResultSet getVersionColumns(ConnectionHandle ch, String catalog, String schema,
      String table) {
    return metadata(ch, MetaImpl.MetaVersionColumn.class, List.of());
  }

  @Override public MetaResultSet getIndexInfo(ConnectionHandle ch, String catalog, String schema,
      String table, boolean unique, boolean approximate) {
    return metadata(ch, MetaImpl.MetaIndexInfo.class, List.of());
  }

  @Override public MetaResultSet getUDTs(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat typeNamePattern, int[] types) {
    return metadata(ch, MetaImpl.MetaUdt.class, List.of());
  }

  @Override public MetaResultSet getSuperTypes(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat typeNamePattern) {
    return metadata(ch, MetaImpl.MetaSuperType.class, List.of());
  }

  @Override public MetaResultSet getSuperTables(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern) {
    return metadata(ch, MetaImpl.MetaSuperTable.class, List.of());
  }

  @Override public MetaResultSet getAttributes(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat typeNamePattern, Pat attributeNamePattern) {
    return metadata(ch, MetaImpl.MetaAttribute.class, List.of());
  }

  @Override public MetaResultSet getClientInfoProperties(ConnectionHandle ch) {
    return metadata(ch, MetaImpl.MetaClientInfoProperty.class, List.of());
  }

  @Override public MetaResultSet getFunctions(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat functionNamePattern) {
    return metadata(ch, MetaImpl.MetaFunction.class, List.of());
  }

  @Override public MetaResultSet getFunctionColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat functionNamePattern, Pat columnNamePattern) {
    return metadata(ch, MetaImpl.MetaFunctionColumn.class, List.of());
  }

  @Override public MetaResultSet getPseudoColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, Pat columnNamePattern) {
    return metadata(ch, MetaImpl.MetaPseudoColumn.class, List.of());
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private <T> MetaResultSet metadata(ConnectionHandle ch, Class<T> recordClass, List<T> records) {
    ConnectionState connection = connection(ch.id);
    StatementState statement = connection.newStatement();
    List<Object> rows;
    try {
      rows = MetaRows.rows(recordClass, records);
    } catch (RuntimeException e) {
      throw Errors.toAvatica(e);
    }
    Frame frame = new Frame(0, true, rows);
    return MetaResultSet.create(ch.id, statement.id, true, MetaRows.signature(recordClass), frame);
  }

  private ConnectionState connection(String id) {
    ConnectionState connection = id == null ? null : connections.get(id);
    if (connection == null) {
      throw Errors.of(ErrorCode.CONNECTION_NOT_FOUND, "Unknown connection '" + id
          + "': it was closed or has expired");
    }
    connection.touch();
    activity.seen(id);
    return connection;
  }

  // Housekeeping, for the server

  /** Stops the running queries of a connection whose client went away; the connection itself stays. */
  public void cancelRunning(String connectionId) {
    ConnectionState connection = connections.get(connectionId);
    if (connection != null) {
      connection.statements().forEach(StatementState::cancel);
    }
  }

  /** Closes statements and connections left unused for longer than allowed, stopping what they run. */
  public void expireIdle(long connectionIdleMillis, long statementIdleMillis) {
    long now = System.currentTimeMillis();
    for (ConnectionState connection : connections.values()) {
      if (now - connection.lastUsed() > connectionIdleMillis) {
        closeConnection(new ConnectionHandle(connection.id));
        continue;
      }
      for (StatementState statement : connection.statements()) {
        if (now - statement.lastUsed() > statementIdleMillis) {
          connection.removeStatement(statement.id);
          statement.close();
        }
      }
    }
  }

  /** Closes every connection, stopping every query: the server is shutting down. */
  public void closeAll() {
    connections.keySet().forEach(id -> closeConnection(new ConnectionHandle(id)));
    producers.shutdownNow();
    timer.shutdownNow();
  }

  public int connectionCount() {
    return connections.size();
  }

  public int runningQueries() {
    return settings.maxRunningQueries() - running.availablePermits();
  }

  /**
   * The statement behind a handle. An unknown one is an error the client sees, not Avatica's
   * NoSuchStatementException, on which a client silently re-runs the query.
   */
  private StatementState statement(StatementHandle h) {
    if (h == null) {
      throw Errors.of(ErrorCode.STATEMENT_NOT_FOUND, "A statement handle is required");
    }
    StatementState statement = connection(h.connectionId).statement(h.id);
    if (statement == null) {
      throw Errors.of(ErrorCode.STATEMENT_NOT_FOUND, "Unknown statement " + h.id + " of connection '"
          + h.connectionId + "': it was closed or has expired");
    }
    return statement;
  }


}
