package io.faisca.runtime.write;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.PartitionData;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.transforms.PartitionSpecVisitor;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;

/**
 * How a partitioned write lays out its files: under the write's folder, one
 * directory level per field of the table's partition spec, named
 * {@code name=text} by Spark's {@code partitionBy} from the columns this
 * computes, so that each file holds rows of one partition. The directories
 * above a written file then say which partition it holds.
 */
final class PartitionDirectories {
  private final PartitionSpec spec;
  private final List<String> names;

  private PartitionDirectories(PartitionSpec spec, List<String> names) {
    this.spec = spec;
    this.names = List.copyOf(names);
  }

  /**
   * The layout for a table's spec. Each level is named after its partition field, made different from
   * every data column ({@code dataColumns}): an identity field has its column's name, and Spark must
   * tell the two apart.
   */
  static PartitionDirectories of(PartitionSpec spec, List<String> dataColumns) {
    Set<String> taken = dataColumns.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    List<String> names = new ArrayList<>();
    for (org.apache.iceberg.PartitionField field : spec.fields()) {
      String name = field.name();
      for (int i = 2; taken.contains(name.toLowerCase(Locale.ROOT)); i++) {
        name = field.name() + "_" + i;
      }
      taken.add(name.toLowerCase(Locale.ROOT));
      names.add(name);
    }
    return new PartitionDirectories(spec, names);
  }

  /** The directory names' keys, outermost first, as Spark's {@code partitionBy} takes them. */
  List<String> names() {
    return names;
  }

  /** The columns Spark names the directories after: each row's partition, as text. */
  List<Column> columns() {
    List<Column> values = PartitionSpecVisitor.visit(spec, new PartitionTransforms(spec.schema()));
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      columns.add(PartitionValueText.of(values.get(i), type(i)).as(names.get(i)));
    }
    return columns;
  }

  /** The partition of a file whose folder sits in {@code directories} below the write's folder, outermost first. */
  PartitionData partition(List<String> directories) {
    if (directories.size() != names.size()) {
      throw unexpected(directories);
    }
    PartitionData partition = new PartitionData(spec.partitionType());
    for (int i = 0; i < names.size(); i++) {
      String directory = directories.get(i);
      String prefix = names.get(i) + "=";
      if (!directory.startsWith(prefix)) {
        throw unexpected(directories);
      }
      String text = ExternalCatalogUtils.unescapePathName(directory.substring(prefix.length()));
      partition.set(i, PartitionValueText.parse(text, type(i)));
    }
    return partition;
  }

  private org.apache.iceberg.types.Type type(int field) {
    Types.NestedField partitionField = spec.partitionType().fields().get(field);
    return partitionField.type();
  }

  private FaiscaException unexpected(List<String> directories) {
    return new FaiscaException(ErrorCode.INTERNAL_ERROR, "Spark wrote a file under '" + String.join("/", directories)
        + "', not under directories " + names);
  }
}
