package io.faisca.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A view as the catalog stores it.
 *
 * @param name the view's name
 * @param dialect the SQL dialect of {@code sql}: {@link ManagedViews#DIALECT} for views Faísca created
 * @param sql the query, as it was written
 * @param defaultSchema where the query's unqualified names resolve
 * @param columns the columns, named and typed as when the view was created; all nullable
 */
public record ViewDefinition(TableName name, String dialect, String sql, String defaultSchema,
    List<ColumnMetadata> columns) {
  public ViewDefinition {
    requireNonNull(name, "name");
    requireNonNull(dialect, "dialect");
    requireNonNull(sql, "sql");
    requireNonNull(defaultSchema, "defaultSchema");
    columns = List.copyOf(columns);
  }

  /** Whether Faísca can expand the query: another engine's SQL is not Faísca's. */
  public boolean readable() {
    return ManagedViews.DIALECT.equalsIgnoreCase(dialect);
  }
}
