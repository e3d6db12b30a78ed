package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.Optional;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;

/**
 * The indexes {@code CREATE INDEX} declared on a managed table, kept as table properties
 * {@code faisca.index.<name>} = {@code [UNIQUE] (column [DESC], ...)}. Faísca builds no index and
 * checks no uniqueness: the manifests' value ranges per file are what narrows a scan. They are kept so
 * that the SQL of other databases runs unchanged, and {@code DROP INDEX} finds what it drops.
 */
public final class TableIndexes {
  private static final String PREFIX = "faisca.index.";

  private TableIndexes() {
  }

  /** The property that holds index {@code name} of the table, found ignoring case. */
  public static Optional<String> find(Table table, String name) {
    return table.properties().keySet().stream()
        .filter(key -> key.startsWith(PREFIX) && key.substring(PREFIX.length()).equalsIgnoreCase(name))
        .findFirst();
  }

  public static void add(Table table, TableName name, String index, String definition) {
    commit(name, () -> table.updateProperties().set(PREFIX + index, definition).commit());
  }

  public static void remove(Table table, TableName name, String property) {
    commit(name, () -> table.updateProperties().remove(property).commit());
  }

  private static void commit(TableName name, Runnable change) {
    try {
      change.run();
    } catch (CommitFailedException e) {
      throw new FaiscaException(ErrorCode.COMMIT_CONFLICT, "The properties of '" + name + "' were changed by"
          + " another statement meanwhile; nothing was changed. Run it again", e);
    }
  }
}
