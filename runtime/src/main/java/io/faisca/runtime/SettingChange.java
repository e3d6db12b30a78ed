package io.faisca.runtime;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;

/** {@code SET name = value}, {@code RESET name} or {@code RESET ALL}, prepared for one session. */
public final class SettingChange implements Command {
  private static final String ALL = "ALL";

  private final Session session;
  private final String sql;
  private final String name;
  private final String value;

  private SettingChange(Session session, String sql, String name, String value) {
    this.session = session;
    this.sql = sql;
    this.name = name;
    this.value = value;
  }

  static SettingChange of(Session session, String sql, SqlSetOption option) {
    if ("SYSTEM".equalsIgnoreCase(option.getScope())) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED,
          "ALTER SYSTEM is not supported: server settings are chosen when the server starts");
    }
    String name = ((SqlIdentifier) option.getName()).toString();
    if (option.getValue() == null) {
      return new SettingChange(session, sql, name.equalsIgnoreCase(ALL) ? null : SessionSettings.canonicalName(name),
          null);
    }
    return new SettingChange(session, sql, SessionSettings.canonicalName(name), text(option.getValue()));
  }

  private static String text(SqlNode value) {
    if (value instanceof SqlLiteral literal) {
      Object plain = literal.toValue();
      return plain == null ? "" : plain.toString();
    }
    return value.toString().toLowerCase(java.util.Locale.ROOT);
  }

  @Override public String sqlText() {
    return sql;
  }

  /** Changes the session's settings; later statements of the session see the change. */
  @Override public long execute() {
    if (value != null) {
      session.set(name, value);
    } else if (name != null) {
      session.reset(name);
    } else {
      session.resetAll();
    }
    return 0;
  }
}
