package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchViewException;
import org.apache.iceberg.catalog.ViewCatalog;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.view.SQLViewRepresentation;
import org.apache.iceberg.view.View;
import org.apache.iceberg.view.ViewBuilder;
import org.apache.iceberg.view.ViewRepresentation;
import org.apache.iceberg.view.ViewVersion;

/**
 * Views: Iceberg views in the same catalog as the tables, their query kept in
 * Faísca's SQL dialect as it was written, with the columns it had when it was
 * created. A view's metadata lives in a directory of its own under its
 * schema's, like a table's.
 */
public final class ManagedViews {
  /** The dialect name of the SQL Faísca stores; other engines store theirs beside it. */
  public static final String DIALECT = "faisca";

  private final ManagedTables tables;

  ManagedViews(ManagedTables tables) {
    this.tables = tables;
  }

  /** Names of the views of a schema, sorted; none if there is no such schema. */
  public List<String> names(String schema) {
    Optional<ViewCatalog> catalog = tables.existingViewCatalog();
    if (catalog.isEmpty()) {
      return List.of();
    }
    try {
      return catalog.get().listViews(Namespace.of(schema)).stream().map(TableIdentifier::name).sorted().toList();
    } catch (NoSuchNamespaceException e) {
      return List.of();
    }
  }

  /** The view with exactly this name, if there is one. */
  public Optional<ViewDefinition> load(TableName name) {
    Optional<ViewCatalog> catalog = tables.existingViewCatalog();
    if (catalog.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(definition(name, catalog.get().loadView(ManagedTables.identifier(name))));
    } catch (NoSuchViewException e) {
      return Optional.empty();
    }
  }

  /**
   * Creates a view, or with {@code replace} replaces the one of that name; a table of that name is
   * always an error, as is an existing view without {@code replace}.
   */
  public void create(TableName name, String sql, String defaultSchema, Schema columns, boolean replace) {
    ViewCatalog catalog = tables.viewCatalog();
    TableIdentifier id = ManagedTables.identifier(name);
    if (tables.catalog().tableExists(id)) {
      throw new FaiscaException(ErrorCode.TABLE_EXISTS, "Table '" + name + "' already exists; a view cannot take"
          + " its name");
    }
    Optional<String> location = replace && catalog.viewExists(id)
        ? Optional.of(catalog.loadView(id).location()) : Optional.empty();
    ViewBuilder builder = catalog.buildView(id)
        .withSchema(optional(columns))
        .withDefaultNamespace(Namespace.of(defaultSchema))
        .withQuery(DIALECT, sql)
        .withLocation(location.orElseGet(() -> tables.freshLocation(name)));
    try {
      if (replace) {
        builder.createOrReplace();
      } else {
        builder.create();
      }
    } catch (AlreadyExistsException e) {
      throw new FaiscaException(ErrorCode.TABLE_EXISTS, "View '" + name + "' already exists", e);
    } catch (NoSuchNamespaceException e) {
      throw new FaiscaException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + name.schema() + "' does not exist", e);
    }
  }

  /** Drops a view and its directory; a missing one is an error unless {@code ifExists}. */
  public boolean drop(TableName name, boolean ifExists) {
    Optional<ViewCatalog> catalog = tables.existingViewCatalog();
    TableIdentifier id = ManagedTables.identifier(name);
    Optional<View> view = catalog.filter(c -> c.viewExists(id)).map(c -> c.loadView(id));
    if (view.isEmpty() || !catalog.get().dropView(id)) {
      if (ifExists) {
        return false;
      }
      throw new FaiscaException(ErrorCode.TABLE_NOT_FOUND, "View '" + name + "' does not exist");
    }
    tables.deleteDirectory(name, new Path(view.get().location()));
    return true;
  }

  private static ViewDefinition definition(TableName name, View view) {
    ViewVersion version = view.currentVersion();
    SQLViewRepresentation sql = sql(version.representations()).orElseThrow(() -> new FaiscaException(
        ErrorCode.NOT_SUPPORTED, "View '" + name + "' has no SQL definition"));
    return new ViewDefinition(name, sql.dialect(), sql.sql(), version.defaultNamespace().toString(),
        IcebergSchemas.columns(name.name(), view.schema()));
  }

  /** The SQL in Faísca's dialect, or else the first SQL there is (for listing and describing only). */
  private static Optional<SQLViewRepresentation> sql(List<ViewRepresentation> representations) {
    List<SQLViewRepresentation> sql = representations.stream()
        .filter(SQLViewRepresentation.class::isInstance).map(SQLViewRepresentation.class::cast).toList();
    return sql.stream().filter(r -> DIALECT.equalsIgnoreCase(r.dialect())).findFirst()
        .or(() -> sql.stream().findFirst());
  }

  /** A view's columns are nullable: the tables under it may come to hold NULL where they held none. */
  private static Schema optional(Schema columns) {
    return new Schema(columns.columns().stream().map(Types.NestedField::asOptional).toList());
  }
}
