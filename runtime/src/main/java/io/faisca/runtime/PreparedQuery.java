package io.faisca.runtime;

import io.faisca.catalog.Warehouse;
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
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.types.DataTypes;

/**
 * A planned statement that can run many times, each time with its own
 * parameter values. Lowering to Spark happens per execution because the
 * values are part of the Dataset; planning happens once, and again only when
 * a table the plan reads has changed since (files added or removed, a new
 * snapshot, new columns): the plan names the files it reads.
 */
public final class PreparedQuery implements Prepared {
  private static final SqlTypeFactoryImpl TYPES = new SqlTypeFactoryImpl(io.faisca.planner.FaiscaTypeSystem.INSTANCE);

  private final Session session;
  private final boolean replannable;
  private volatile PlannedQuery plan;

  /** A plan to run now, by the statement that planned it (the rows of a write). */
  PreparedQuery(Session session, PlannedQuery plan) {
    this(session, plan, false);
  }

  private PreparedQuery(Session session, PlannedQuery plan, boolean replannable) {
    this.session = session;
    this.plan = plan;
    this.replannable = replannable;
  }

  /** A query a client prepared, to run later, perhaps many times: planned again when its tables change. */
  static PreparedQuery prepared(Session session, PlannedQuery plan) {
    return new PreparedQuery(session, plan, true);
  }

  /** The plan as it was last made. */
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
    return dataset(current(), parameters, session.spark());
  }

  /**
   * Starts running the query; rows stream from Spark as they are read. A query with a nested-loop
   * join over a large input reads its files row by row, so that cancelling it stops it promptly.
   */
  public QueryExecution execute(List<?> parameters) {
    PlannedQuery current = current();
    String group = "faisca-" + UUID.randomUUID();
    SparkSession spark = current.nestedLoops() ? session.rowByRowSpark() : session.spark();
    return new QueryExecution(spark, () -> dataset(current, parameters, spark), group, current.sqlText());
  }

  /**
   * The plan to run: the one made before if every table it reads is as it was then and the session's
   * planner settings are too, else a new one, which must have the same result columns and parameters as
   * the statement was prepared with.
   */
  private synchronized PlannedQuery current() {
    PlannedQuery planned = plan;
    if (!replannable || isCurrent(planned)) {
      return planned;
    }
    PlannedQuery again = session.plan(planned.sqlText());
    if (!sameFields(again.rowType(), planned.rowType())) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "The result columns of the prepared statement changed"
          + " because a table it reads changed since it was prepared: they were " + describe(planned.rowType())
          + ", they are now " + describe(again.rowType()) + "; prepare the statement again");
    }
    if (!sameFields(again.parameterRowType(), planned.parameterRowType())) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "The parameter types of the prepared statement changed"
          + " because a table it reads changed since it was prepared: they were "
          + describe(planned.parameterRowType()) + ", they are now " + describe(again.parameterRowType())
          + "; prepare the statement again");
    }
    plan = again;
    return again;
  }

  private boolean isCurrent(PlannedQuery planned) {
    Warehouse warehouse = session.engine().planner().warehouse();
    return planned.settings().equals(session.plannerSettings())
        && planned.tables().stream().allMatch(table -> warehouse.isCurrent(table.name(), table.metadata()));
  }

  private static boolean sameFields(RelDataType a, RelDataType b) {
    return a.getFieldNames().equals(b.getFieldNames()) && types(a).equals(types(b));
  }

  private static List<String> types(RelDataType row) {
    return row.getFieldList().stream().map(field -> field.getType().getFullTypeString()).toList();
  }

  /** Fields as a person reads them: {@code (id INTEGER NOT NULL, name VARCHAR)}. */
  private static String describe(RelDataType row) {
    return row.getFieldList().stream().map(field -> field.getName() + " " + field.getType().getFullTypeString())
        .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
  }

  private static Dataset<Row> dataset(PlannedQuery plan, List<?> parameters, SparkSession spark) {
    try {
      return plan.isExplain() ? explain(plan, parameters, spark) : queryDataset(plan, parameters, spark);
    } catch (StackOverflowError e) {
      throw new FaiscaException(ErrorCode.QUERY_TOO_COMPLEX, "The statement is too deeply nested to run");
    }
  }

  private static Dataset<Row> queryDataset(PlannedQuery plan, List<?> parameters, SparkSession spark) {
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

  private static Dataset<Row> explain(PlannedQuery plan, List<?> parameters, SparkSession spark) {
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
        SparkPlan sparkPlan = queryDataset(plan, parameters, spark).queryExecution().executedPlan();
        rows.add(RowFactory.create("== Spark physical plan ==\n" + sparkPlan.treeString()));
        rows.add(RowFactory.create(SparkStages.describe(sparkPlan)));
        break;
    }
    return spark.createDataFrame(rows,
        DataTypes.createStructType(List.of(DataTypes.createStructField("PLAN", DataTypes.StringType, false))));
  }
}
