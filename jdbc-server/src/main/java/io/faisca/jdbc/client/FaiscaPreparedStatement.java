package io.faisca.jdbc.client;

import java.io.InputStream;
import java.io.Reader;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.Meta;

/** A prepared statement whose query timeout and cancel stop the query where it runs. */
final class FaiscaPreparedStatement extends AvaticaPreparedStatement implements Watched {
  private final QueryWatch watch;

  FaiscaPreparedStatement(FaiscaConnection connection, Meta.StatementHandle h, Meta.Signature signature,
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
    this.watch = new QueryWatch(connection, this);
  }

  @Override public ResultSet executeQuery() throws SQLException {
    return watch.run(super::executeQuery, () -> openResultSet != null);
  }

  @Override public boolean execute() throws SQLException {
    return watch.run(super::execute, () -> openResultSet != null);
  }

  @Override public long executeLargeUpdate() throws SQLException {
    return watch.run(super::executeLargeUpdate, () -> openResultSet != null);
  }

  /** Not synchronized, unlike Avatica's: the executing thread holds the statement's lock while it waits. */
  @Override public void cancel() throws SQLException {
    checkOpen();
    watch.stop(StopReason.CANCEL);
  }

  @Override public QueryWatch watch() {
    return watch;
  }

  // JDBC 4 setters Avatica leaves to each driver.

  @Override public void setRowId(int parameterIndex, RowId x) throws SQLException {
    getSite(parameterIndex).setRowId(x);
  }

  @Override public void setNString(int parameterIndex, String value) throws SQLException {
    getSite(parameterIndex).setNString(value);
  }

  @Override public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
    getSite(parameterIndex).setNCharacterStream(value, length);
  }

  @Override public void setNClob(int parameterIndex, NClob value) throws SQLException {
    getSite(parameterIndex).setNClob(value);
  }

  @Override public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    getSite(parameterIndex).setClob(reader, length);
  }

  @Override public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
    getSite(parameterIndex).setBlob(inputStream, length);
  }

  @Override public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    getSite(parameterIndex).setNClob(reader, length);
  }

  @Override public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    getSite(parameterIndex).setSQLXML(xmlObject);
  }

  @Override public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    getSite(parameterIndex).setAsciiStream(x, length);
  }

  @Override public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    getSite(parameterIndex).setBinaryStream(x, length);
  }

  @Override public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
    getSite(parameterIndex).setCharacterStream(reader, length);
  }

  @Override public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    getSite(parameterIndex).setAsciiStream(x);
  }

  @Override public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    getSite(parameterIndex).setBinaryStream(x);
  }

  @Override public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    getSite(parameterIndex).setCharacterStream(reader);
  }

  @Override public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    getSite(parameterIndex).setNCharacterStream(value);
  }

  @Override public void setClob(int parameterIndex, Reader reader) throws SQLException {
    getSite(parameterIndex).setClob(reader);
  }

  @Override public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    getSite(parameterIndex).setBlob(inputStream);
  }

  @Override public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    getSite(parameterIndex).setNClob(reader);
  }

  @Override public void setClob(int parameterIndex, Clob x) throws SQLException {
    getSite(parameterIndex).setClob(x);
  }

  @Override public void setBlob(int parameterIndex, Blob x) throws SQLException {
    getSite(parameterIndex).setBlob(x);
  }
}
