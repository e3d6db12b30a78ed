package io.faisca.runtime.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Names of the columns of every lowered Dataset. Each operator's output
 * column {@code i} is called after its SQL field, made a plain lower-case
 * identifier and suffixed with {@code _i}: names stay readable in Spark's
 * plans, and unique on both sides of a join, where the right side continues
 * the numbering.
 */
public final class ColumnNames {
  private ColumnNames() {
  }

  public static List<String> of(RelDataType rowType) {
    return of(rowType, 0);
  }

  public static List<String> of(RelDataType rowType, int firstPosition) {
    List<String> names = new ArrayList<>();
    List<String> fields = rowType.getFieldNames();
    for (int i = 0; i < fields.size(); i++) {
      names.add(name(fields.get(i), firstPosition + i));
    }
    return names;
  }

  public static String name(String field, int position) {
    String base = field.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (base.isEmpty() || base.length() > 40) {
      base = base.isEmpty() ? "c" : base.substring(0, 40);
    }
    return base + "_" + position;
  }

  /** A reference to a column by exact name, whatever characters it holds. */
  public static Column ref(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }
}
