package io.faisca.slt;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a sqllogictest script through a JDBC connection and says which records failed.
 *
 * <p>Runs of {@code statement ok} records that each insert a VALUES row into the same table and
 * columns are sent as one multi-row INSERT: the corpus loads tables a row per statement, and each
 * statement is an Iceberg commit (a metadata version, a manifest and a data file of one row). The rows
 * and their order are the same; should the joint statement fail, its records run one by one.
 */
final class SltRunner {
  private static final Pattern INSERT_VALUES = Pattern.compile(
      "(?is)(INSERT\\s+INTO\\s+[^(\\s]+\\s*(?:\\([^)]*\\))?\\s*VALUES)\\s*(\\(.*\\))\\s*;?\\s*");
  private static final int MAX_BATCH = 1000;

  private final Connection connection;
  private final int timeoutSeconds;

  SltRunner(Connection connection, int timeoutSeconds) {
    this.connection = connection;
    this.timeoutSeconds = timeoutSeconds;
  }

  SltResult run(SltScript script) {
    SltResult result = new SltResult(script.name());
    long start = System.nanoTime();
    List<SltRecord> records = script.records();
    int i = 0;
    while (i < records.size()) {
      int batchEnd = insertBatchEnd(records, i);
      if (batchEnd > i + 1 && runBatch(records.subList(i, batchEnd), result)) {
        i = batchEnd;
        continue;
      }
      run(records.get(i), script, result);
      i++;
    }
    result.took((System.nanoTime() - start) / 1_000_000);
    return result;
  }

  private void run(SltRecord record, SltScript script, SltResult result) {
    if (record instanceof SltRecord.Statement statement) {
      runStatement(statement, result);
    } else {
      runQuery((SltRecord.Query) record, script, result);
    }
  }

  private void runStatement(SltRecord.Statement record, SltResult result) {
    String error = null;
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(timeoutSeconds);
      statement.execute(record.sql());
    } catch (SQLException e) {
      error = e.getSQLState() + " " + firstLine(e.getMessage());
    }
    if (record.fails() == (error != null)) {
      result.statementPassed();
    } else {
      result.statementFailed(record, record.fails() ? "succeeded, but the record expects an error" : error);
    }
  }

  private void runQuery(SltRecord.Query record, SltScript script, SltResult result) {
    List<String> values;
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rows = statement.executeQuery(record.sql())) {
        values = SltValues.read(rows, record.types(), record.sort());
      }
    } catch (SQLException e) {
      result.queryFailed(record, e.getSQLState() + " " + firstLine(e.getMessage()));
      return;
    } catch (RuntimeException e) {
      result.queryFailed(record, e.toString());
      return;
    }
    String mismatch = mismatch(record, values, script.hashThreshold());
    if (mismatch == null) {
      result.queryPassed();
    } else {
      result.queryFailed(record, mismatch);
    }
  }

  /** Why the values are not the expected ones, or null if they are. */
  private static String mismatch(SltRecord.Query record, List<String> values, int hashThreshold) {
    if (record.hashed()) {
      String hash = SltValues.md5(values);
      return values.size() == record.valueCount() && hash.equals(record.hash()) ? null
          : "expected " + record.valueCount() + " values hashing to " + record.hash() + ", got " + values.size()
              + " hashing to " + hash + (values.size() <= 12 ? " " + values : "");
    }
    if (values.equals(record.values())) {
      return null;
    }
    return "expected " + abbreviated(record.values()) + ", got " + abbreviated(values);
  }

  private static String abbreviated(List<String> values) {
    return values.size() <= 12 ? values.toString()
        : values.subList(0, 12) + "... (" + values.size() + " values)";
  }

  /** The end of the run of batchable INSERT records that starts at {@code start}. */
  private static int insertBatchEnd(List<SltRecord> records, int start) {
    String prefix = insertPrefix(records.get(start));
    if (prefix == null) {
      return start;
    }
    int end = start + 1;
    while (end < records.size() && end - start < MAX_BATCH && prefix.equals(insertPrefix(records.get(end)))) {
      end++;
    }
    return end;
  }

  private static String insertPrefix(SltRecord record) {
    if (!(record instanceof SltRecord.Statement statement) || statement.fails()) {
      return null;
    }
    Matcher matcher = INSERT_VALUES.matcher(statement.sql());
    return matcher.matches() ? matcher.group(1).replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT) : null;
  }

  /** Runs the records as one INSERT; false if it failed, and they are to run one by one. */
  private boolean runBatch(List<SltRecord> batch, SltResult result) {
    Matcher first = INSERT_VALUES.matcher(batch.get(0).sql());
    first.matches();
    StringBuilder sql = new StringBuilder(first.group(1)).append(' ');
    for (int i = 0; i < batch.size(); i++) {
      Matcher matcher = INSERT_VALUES.matcher(batch.get(i).sql());
      matcher.matches();
      sql.append(i == 0 ? "" : ",\n").append(matcher.group(2));
    }
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(timeoutSeconds);
      statement.execute(sql.toString());
    } catch (SQLException e) {
      return false;
    }
    batch.forEach(record -> result.statementPassed());
    return true;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
