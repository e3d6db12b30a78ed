package io.faisca.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Columns whose values come from {@code key=value} directory names. Their type
 * is the narrowest of INTEGER, BIGINT, DATE and VARCHAR that reads every value;
 * their statistics are exact, since every value is known from the listing.
 */
final class PartitionColumns {
  private PartitionColumns() {
  }

  static List<ColumnMetadata> infer(List<TableFiles.Listed> files, List<Long> rowCounts) {
    Set<String> keys = new LinkedHashSet<>();
    files.forEach(f -> keys.addAll(f.partitionValues().keySet()));
    List<ColumnMetadata> columns = new ArrayList<>();
    for (String key : keys) {
      List<String> values = new ArrayList<>();
      long nulls = 0;
      for (int i = 0; i < files.size(); i++) {
        String value = files.get(i).partitionValues().get(key);
        if (value == null) {
          nulls += rowCounts.get(i);
        } else {
          values.add(value);
        }
      }
      SqlTypeName type = typeOf(values);
      Set<String> distinct = new HashSet<>(values);
      Double min = null;
      Double max = null;
      for (String value : distinct) {
        Double d = asDouble(type, value);
        if (d != null) {
          min = min == null ? d : Math.min(min, d);
          max = max == null ? d : Math.max(max, d);
        }
      }
      columns.add(new ColumnMetadata(key, type, RelDataType.PRECISION_NOT_SPECIFIED,
          RelDataType.SCALE_NOT_SPECIFIED, nulls > 0 || values.size() < files.size(), true,
          new ColumnStatistics(nulls, min, max, (double) distinct.size())));
    }
    return columns;
  }

  private static SqlTypeName typeOf(List<String> values) {
    if (!values.isEmpty() && values.stream().allMatch(v -> parses(v, Integer::parseInt))) {
      return SqlTypeName.INTEGER;
    }
    if (!values.isEmpty() && values.stream().allMatch(v -> parses(v, Long::parseLong))) {
      return SqlTypeName.BIGINT;
    }
    if (!values.isEmpty() && values.stream().allMatch(v -> v.length() == 10 && parses(v, LocalDate::parse))) {
      return SqlTypeName.DATE;
    }
    return SqlTypeName.VARCHAR;
  }

  private static boolean parses(String value, java.util.function.Function<String, ?> parser) {
    try {
      return Objects.nonNull(parser.apply(value));
    } catch (NumberFormatException | DateTimeParseException e) {
      return false;
    }
  }

  private static Double asDouble(SqlTypeName type, String value) {
    switch (type) {
      case INTEGER:
      case BIGINT:
        return Double.parseDouble(value);
      case DATE:
        return (double) LocalDate.parse(value).toEpochDay();
      default:
        return null;
    }
  }
}
