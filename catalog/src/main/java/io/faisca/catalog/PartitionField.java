package io.faisca.catalog;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * One item of {@code PARTITIONED BY}, as written: a column, or a transform of
 * one such as {@code day(sold)} or {@code bucket(16, id)}.
 *
 * @param transform the transform's name as written ({@code identity} for a bare column)
 * @param column the column's name as written
 * @param argument the number bucket and truncate take, if one was written
 */
public record PartitionField(String transform, String column, OptionalInt argument) {
  public static final String IDENTITY = "identity";

  public PartitionField {
    requireNonNull(transform, "transform");
    requireNonNull(column, "column");
    requireNonNull(argument, "argument");
  }

  public static PartitionField identity(String column) {
    return new PartitionField(IDENTITY, column, OptionalInt.empty());
  }

  /** As DDL writes it, for messages. */
  @Override public String toString() {
    if (transform.equals(IDENTITY)) {
      return column;
    }
    return transform + "(" + (argument.isPresent() ? argument.getAsInt() + ", " : "") + column + ")";
  }
}
