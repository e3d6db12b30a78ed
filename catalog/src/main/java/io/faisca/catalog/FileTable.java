package io.faisca.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A warehouse table as Calcite sees it: a row type and statistics. It is
 * deliberately not scannable: only the Spark convention can read it.
 */
public final class FileTable extends AbstractTable {
  private final TableName name;
  private final TableMetadata metadata;

  public FileTable(TableName name, TableMetadata metadata) {
    this.name = requireNonNull(name, "name");
    this.metadata = requireNonNull(metadata, "metadata");
  }

  /** The table's name in the warehouse: where to look whether it is still as {@link #metadata()} says. */
  public TableName name() {
    return name;
  }

  public TableMetadata metadata() {
    return metadata;
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (ColumnMetadata column : metadata.columns()) {
      builder.add(column.name(), column.toRelDataType(typeFactory));
    }
    return builder.build();
  }

  @Override public Statistic getStatistic() {
    return Statistics.of(metadata.rowCount(), List.of());
  }
}
