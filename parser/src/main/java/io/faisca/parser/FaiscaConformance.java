package io.faisca.parser;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * What Faísca's dialect accepts beyond standard SQL: the conveniences Spark SQL,
 * PostgreSQL and DuckDB users type without thinking.
 */
public final class FaiscaConformance extends SqlDelegatingConformance {
  public static final FaiscaConformance INSTANCE = new FaiscaConformance();

  private FaiscaConformance() {
    super(SqlConformanceEnum.DEFAULT);
  }

  @Override public boolean isGroupByAlias() {
    return true;
  }

  @Override public boolean isGroupByOrdinal() {
    return true;
  }

  @Override public boolean isHavingAlias() {
    return true;
  }

  @Override public boolean isSortByOrdinal() {
    return true;
  }

  @Override public boolean isSortByAlias() {
    return true;
  }

  @Override public boolean isBangEqualAllowed() {
    return true;
  }

  @Override public boolean isPercentRemainderAllowed() {
    return true;
  }

  @Override public boolean isFromRequired() {
    return false;
  }

  @Override public boolean isLimitStartCountAllowed() {
    return true;
  }

  @Override public boolean isOffsetLimitAllowed() {
    return true;
  }
}
