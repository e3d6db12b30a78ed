package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

/**
 * Changes to a managed table's columns, each one Iceberg schema commit.
 * Data files are never rewritten: they are read by field id, so a renamed
 * column keeps its values, a column added later (or dropped and added again)
 * reads NULL from the files written before, and a widened column reads its
 * old values widened. Column names are unique ignoring case, as SQL resolves
 * them; a name is found exactly first, then ignoring case.
 */
public final class ColumnChanges {
  private final Table table;
  private final TableName name;

  public ColumnChanges(Table table, TableName name) {
    this.table = table;
    this.name = name;
  }

  /**
   * Adds a nullable column at the end. A NOT NULL one is refused: the rows already there have no
   * value for it.
   */
  public void add(String column, RelDataType type) {
    if (!type.isNullable()) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Column '" + column + "' cannot be added as NOT NULL:"
          + " the rows already in '" + name + "' have no value for it");
    }
    existing(column).ifPresent(found -> {
      throw exists(column, found);
    });
    commit(update -> update.addColumn(column, IcebergSchemas.type(column, type)));
  }

  /** Drops a column; its values stay in the old files, never to be read again. */
  public void drop(String column) {
    Types.NestedField field = field(column);
    if (table.schema().columns().size() == 1) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Column '" + field.name() + "' is the only column of '"
          + name + "'; a table keeps at least one");
    }
    if (table.schema().identifierFieldIds().contains(field.fieldId())) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Column '" + field.name() + "' is in the PRIMARY KEY of '"
          + name + "' and cannot be dropped");
    }
    commit(update -> update.deleteColumn(field.name()));
  }

  public void rename(String column, String newName) {
    Types.NestedField field = field(column);
    existing(newName).filter(other -> other.fieldId() != field.fieldId()).ifPresent(other -> {
      throw exists(newName, other);
    });
    if (!field.name().equals(newName)) {
      commit(update -> update.renameColumn(field.name(), newName));
    }
  }

  /**
   * Widens a column's type where Iceberg allows it (INTEGER to BIGINT, REAL to DOUBLE, DECIMAL(p, s)
   * to DECIMAL(q, s) with q > p); the same type again changes nothing.
   */
  public void changeType(String column, RelDataType type) {
    Types.NestedField field = field(column);
    Type.PrimitiveType to = IcebergSchemas.type(column, type);
    if (field.type().equals(to)) {
      return;
    }
    if (!TypeUtil.isPromotionAllowed(field.type(), to)) {
      Types.NestedField widened = Types.NestedField.optional(field.fieldId(), field.name(), to);
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Column '" + field.name() + "' of '" + name + "' is "
          + typeName(field) + " and cannot become " + typeName(widened) + ": a column's type can only"
          + " widen, from INTEGER to BIGINT, from REAL to DOUBLE, or to a DECIMAL of more digits and the same"
          + " scale");
    }
    commit(update -> update.updateColumn(field.name(), to));
  }

  private Types.NestedField field(String column) {
    return existing(column).orElseThrow(() -> new FaiscaException(ErrorCode.COLUMN_NOT_FOUND, "Table '" + name
        + "' has no column '" + column + "'"));
  }

  private Optional<Types.NestedField> existing(String column) {
    return IcebergSchemas.column(table.schema(), column);
  }

  private FaiscaException exists(String column, Types.NestedField found) {
    return new FaiscaException(ErrorCode.COLUMN_EXISTS, "Table '" + name + "' already has a column '" + column
        + "'" + (found.name().equals(column) ? "" : " (as '" + found.name() + "')"));
  }

  private String typeName(Types.NestedField field) {
    return ManagedTableLoader.column(name.name(), field).typeName();
  }

  private void commit(UnaryOperator<UpdateSchema> change) {
    try {
      change.apply(table.updateSchema()).commit();
    } catch (CommitFailedException e) {
      throw new FaiscaException(ErrorCode.COMMIT_CONFLICT, "The columns of '" + name + "' were changed by another"
          + " statement meanwhile; nothing was changed. Run it again", e);
    } catch (ValidationException | IllegalArgumentException e) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Cannot change the columns of '" + name + "': "
          + e.getMessage(), e);
    }
  }
}
