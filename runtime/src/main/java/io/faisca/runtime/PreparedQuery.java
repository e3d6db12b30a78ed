package io.faisca.runtime;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.planner.FaiscaPlanner;
import io.faisca.planner.PlannedQuery;
import io.faisca.runtime.lower.ColumnNames;
import io.faisca.runtime.lower.LoweringContext;
import io.faisca.runtime.lower.PlanLowering;
import io.faisca.runtime.lower.SparkTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * A planned statement that can run many times, each time with its own
 * parameter values. Lowering to Spark happens per execution because the
 * values are part of the Dataset; planning happened once.
 */
public final class PreparedQuery implements Prepared {
  private static final SqlTypeFactoryImpl TYPES = new SqlTypeFactoryImpl(io.faisca.planner.FaiscaTypeSystem.INSTANCE);

  private final Session session;
  private final PlannedQuery plan;

  PreparedQuery(Session session, PlannedQuery plan) {
    this.session = session;
    this.plan = plan;
  }

  public PlannedQuery plan() {
    return plan;
  }

  @Override public String sqlText() {
    return plan.sqlText();
  }

  /** The result's columns: the query's, or a single PLAN column for EXPLAIN. */
  @Override public RelDataType rowType() {
    if (!plan.isExplain()) {
      return plan.rowType();
    }
    return TYPES.builder().add("PLAN", TYPES.createSqlType(SqlTypeName.VARCHAR)).build();
  }

  @Override public RelDataType parameterRowType() {
    return plan.parameterRowType();
  }

  /** The query as a Dataset on the session's Spark session, columns named and typed as SQL says. */
  public Dataset<Row> dataset(List<?> parameters) {
    return dataset(parameters, session.spark());
  }

  /**
   * Starts running the query; rows stream from Spark as they are read. A query with a nested-loop
   * join over a large input reads its files row by row, so that cancelling it stops it promptly.
   */
  public QueryExecution execute(List<?> parameters) {
    String group = "faisca-" + UUID.randomUUID();
    SparkSession spark = plan.nestedLoops() ? session.rowByRowSpark() : session.spark();
    return new QueryExecution(spark, () -> dataset(parameters, spark), group, plan.sqlText());
  }

  private Dataset<Row> dataset(List<?> parameters, SparkSession spark) {
    try {
      return plan.isExplain() ? explain(parameters, spark) : queryDataset(parameters, spark);
    } catch (StackOverflowError e) {
      throw new FaiscaException(ErrorCode.QUERY_TOO_COMPLEX, "The statement is too deeply nested to run");
    }
  }

  private Dataset<Row> queryDataset(List<?> parameters, SparkSession spark) {
    LoweringContext context = new LoweringContext(spark, parameters,
        plan.physical().getCluster().getRexBuilder());
    Dataset<Row> lowered = new PlanLowering(context).lower(plan.physical());
    String[] columns = lowered.columns();
    List<Column> result = new ArrayList<>();
    List<RelDataTypeField> fields = plan.rowType().getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      result.add(ColumnNames.ref(columns[i]).cast(SparkTypes.of(fields.get(i).getType()))
          .as(fields.get(i).getName()));
    }
    return lowered.select(result.toArray(Column[]::new));
  }

  private Dataset<Row> explain(List<?> parameters, SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    switch (plan.explain()) {
      case TYPE:
        rows.add(RowFactory.create(plan.rowType().getFullTypeString()));
        break;
      case LOGICAL:
        rows.add(RowFactory.create(FaiscaPlanner.explain(plan.logical())));
        break;
      default:
        rows.add(RowFactory.create("== Calcite physical plan ==\n" + FaiscaPlanner.explain(plan.physical())));
        String sparkPlan = queryDataset(parameters, spark).queryExecution().executedPlan().treeString();
        rows.add(RowFactory.create("== Spark physical plan ==\n" + sparkPlan));
        break;
    }
    return spark.createDataFrame(rows,
        DataTypes.createStructType(List.of(DataTypes.createStructField("PLAN", DataTypes.StringType, false))));
  }
}
