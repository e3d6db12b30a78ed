package io.faisca.catalog;

import static java.util.Objects.requireNonNull;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A view as Calcite sees it: the columns it was created with, and its query,
 * which the planner's view expander plans in place of the view wherever a
 * query names it.
 */
public final class StoredView extends AbstractTable implements TranslatableTable {
  private final ViewDefinition definition;

  public StoredView(ViewDefinition definition) {
    this.definition = requireNonNull(definition, "definition");
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    definition.columns().forEach(column -> builder.add(column.name(), column.toRelDataType(typeFactory)));
    return builder.build();
  }

  @Override public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable table) {
    if (!definition.readable()) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "View '" + definition.name() + "' was defined in the SQL"
          + " dialect '" + definition.dialect() + "' by another engine; Faísca reads views of its own dialect only");
    }
    TableName name = definition.name();
    return context.expandView(table.getRowType(), definition.sql(), List.of(definition.defaultSchema()),
        List.of(name.schema(), name.name())).rel;
  }

  @Override public Schema.TableType getJdbcTableType() {
    return Schema.TableType.VIEW;
  }
}
