package io.faisca.catalog;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.transforms.Transform;
import org.apache.iceberg.transforms.Transforms;
import org.apache.iceberg.types.Types;

/**
 * The Iceberg partition spec that {@code PARTITIONED BY} describes. Every
 * item is checked against the table's columns, so a wrong one is reported
 * (42000, naming the item and what is wrong with it) before anything exists.
 */
final class PartitionSpecs {
  /** Transform names as DDL writes them; Spark's plural spellings are accepted too. */
  private static final Map<String, Kind> KINDS = Map.ofEntries(
      Map.entry("year", Kind.YEAR), Map.entry("years", Kind.YEAR),
      Map.entry("month", Kind.MONTH), Map.entry("months", Kind.MONTH),
      Map.entry("day", Kind.DAY), Map.entry("days", Kind.DAY),
      Map.entry("hour", Kind.HOUR), Map.entry("hours", Kind.HOUR),
      Map.entry("bucket", Kind.BUCKET),
      Map.entry("truncate", Kind.TRUNCATE),
      Map.entry(PartitionField.IDENTITY, Kind.IDENTITY));

  private PartitionSpecs() {
  }

  static PartitionSpec of(Schema schema, List<PartitionField> fields) {
    PartitionSpec.Builder builder = PartitionSpec.builderFor(schema);
    for (PartitionField field : fields) {
      Kind kind = kind(field);
      Types.NestedField column = column(schema, field);
      Transform<?, ?> transform = transform(kind, field.argument());
      if (!transform.canTransform(column.type())) {
        throw invalid(field, field.transform() + " does not apply to column '" + column.name() + "' of type "
            + ManagedTableLoader.column("", column).typeName());
      }
      try {
        add(builder, kind, column.name(), field.argument());
      } catch (IllegalArgumentException | ValidationException e) {
        // Iceberg refuses the same transform of a column twice, and two time transforms of one column.
        throw invalid(field, e.getMessage());
      }
    }
    return builder.build();
  }

  private static Kind kind(PartitionField field) {
    Kind kind = KINDS.get(field.transform().toLowerCase(Locale.ROOT));
    if (kind == null) {
      throw invalid(field, "unknown transform '" + field.transform() + "'; use a column, year, month, day, hour,"
          + " bucket(N, column) or truncate(W, column)");
    }
    if (kind.takesNumber && field.argument().orElse(0) <= 0) {
      throw invalid(field, field.transform() + " needs a " + kind.number + " above 0, as in "
          + field.transform() + "(16, " + field.column() + ")");
    }
    if (!kind.takesNumber && field.argument().isPresent()) {
      throw invalid(field, field.transform() + " takes a column only");
    }
    return kind;
  }

  private static Types.NestedField column(Schema schema, PartitionField field) {
    Types.NestedField column = schema.findField(field.column());
    if (column == null) {
      column = schema.caseInsensitiveFindField(field.column());
    }
    if (column == null) {
      throw invalid(field, "the table has no column '" + field.column() + "'");
    }
    return column;
  }

  private static FaiscaException invalid(PartitionField field, String why) {
    return new FaiscaException(ErrorCode.INVALID_QUERY, "PARTITIONED BY " + field + ": " + why);
  }

  private static Transform<?, ?> transform(Kind kind, OptionalInt argument) {
    return switch (kind) {
      case IDENTITY -> Transforms.identity();
      case YEAR -> Transforms.year();
      case MONTH -> Transforms.month();
      case DAY -> Transforms.day();
      case HOUR -> Transforms.hour();
      case BUCKET -> Transforms.bucket(argument.getAsInt());
      case TRUNCATE -> Transforms.truncate(argument.getAsInt());
    };
  }

  private static void add(PartitionSpec.Builder builder, Kind kind, String column, OptionalInt argument) {
    switch (kind) {
      case IDENTITY -> builder.identity(column);
      case YEAR -> builder.year(column);
      case MONTH -> builder.month(column);
      case DAY -> builder.day(column);
      case HOUR -> builder.hour(column);
      case BUCKET -> builder.bucket(column, argument.getAsInt());
      case TRUNCATE -> builder.truncate(column, argument.getAsInt());
    }
  }

  private enum Kind {
    IDENTITY(null), YEAR(null), MONTH(null), DAY(null), HOUR(null), BUCKET("number of buckets"), TRUNCATE("width");

    /** What the number a transform takes means, or null when it takes none. */
    private final String number;
    private final boolean takesNumber;

    Kind(String number) {
      this.number = number;
      this.takesNumber = number != null;
    }
  }
}
