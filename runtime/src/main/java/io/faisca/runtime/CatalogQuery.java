package io.faisca.runtime;

import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A statement answered from the catalog alone ({@code SHOW}, {@code DESCRIBE}):
 * its few rows are made on the driver each time it runs, as the catalog is
 * then, and no Spark job starts.
 */
public non-sealed interface CatalogQuery extends Prepared {
  /** The rows, each one value per column of {@link #rowType()}: strings, booleans, integers. */
  List<Object[]> rows();

  @Override default RelDataType parameterRowType() {
    return Command.TYPES.builder().build();
  }

  static CatalogQuery of(String sql, RelDataType rowType, Supplier<List<Object[]>> rows) {
    return new CatalogQuery() {
      @Override public List<Object[]> rows() {
        return rows.get();
      }

      @Override public String sqlText() {
        return sql;
      }

      @Override public RelDataType rowType() {
        return rowType;
      }
    };
  }
}
