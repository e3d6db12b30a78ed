package io.faisca.planner;

import static java.util.Objects.requireNonNull;

import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import io.faisca.catalog.WarehouseRoot;
import io.faisca.catalog.WarehouseSchema;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.parser.FaiscaConformance;
import io.faisca.parser.FaiscaParser;
import io.faisca.parser.SqlLimits;
import io.faisca.planner.PlannedQuery.ExplainRequest;
import io.faisca.planner.metadata.FaiscaMetadata;
import io.faisca.planner.physical.SparkRel;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlExplainFormat;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * From SQL text to a physical plan: parse, validate against the warehouse,
 * convert to relational algebra, rewrite in phases, then convert to the Spark
 * convention. Thread-safe: each call builds its own planning state.
 */
public final class FaiscaPlanner {
  private final Warehouse warehouse;
  private final SqlLimits limits;

  public FaiscaPlanner(Warehouse warehouse) {
    this(warehouse, SqlLimits.DEFAULT);
  }

  public FaiscaPlanner(Warehouse warehouse, SqlLimits limits) {
    this.warehouse = requireNonNull(warehouse, "warehouse");
    this.limits = requireNonNull(limits, "limits");
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  public PlannedQuery plan(String sql) {
    return plan(sql, parse(sql));
  }

  /** Parses one statement within the limits; the caller may run commands (such as SET) itself. */
  public SqlNode parse(String sql) {
    return FaiscaParser.parse(sql, limits);
  }

  /** Plans a statement {@link #parse} returned: a query, or EXPLAIN of one. */
  public PlannedQuery plan(String sql, SqlNode parsed) {
    return plan(sql, parsed, PlannerSettings.DEFAULT);
  }

  /** As {@link #plan(String, SqlNode)}, following a session's settings. */
  public PlannedQuery plan(String sql, SqlNode parsed, PlannerSettings settings) {
    try {
      return planWithinStack(sql, parsed, settings);
    } catch (StackOverflowError e) {
      throw new FaiscaException(ErrorCode.QUERY_TOO_COMPLEX, "The statement is too deeply nested to plan");
    }
  }

  /** Plans the source query of an INSERT or CREATE TABLE AS: its rows, fitted to the table they go into. */
  public PlannedQuery planInto(String sql, SqlNode source, InsertTarget target, PlannerSettings settings) {
    if (!source.isA(SqlKind.QUERY)) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "The rows to write must come from a query or VALUES");
    }
    try {
      return new Session(settings).plan(sql, source, null, target);
    } catch (StackOverflowError e) {
      throw new FaiscaException(ErrorCode.QUERY_TOO_COMPLEX, "The statement is too deeply nested to plan");
    }
  }

  /**
   * Plans the query of a view about to be created (or replaced), as a query naming the view would
   * plan it: its columns are the view's, and a query that reads the view itself is refused.
   */
  public PlannedQuery planView(String sql, SqlNode query, TableName view) {
    if (!query.isA(SqlKind.QUERY)) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "A view is a query (SELECT, VALUES, WITH or a set"
          + " operation)");
    }
    try {
      Session session = new Session(PlannerSettings.DEFAULT);
      session.views.defining(view);
      return session.plan(sql, query, null, null);
    } catch (StackOverflowError e) {
      throw new FaiscaException(ErrorCode.QUERY_TOO_COMPLEX, "The statement is too deeply nested to plan");
    }
  }

  /** The row type a CREATE TABLE column list declares, each type derived as the validator derives it. */
  public RelDataType rowType(SqlNodeList columns) {
    return new Session(PlannerSettings.DEFAULT).rowType(columns);
  }

  private PlannedQuery planWithinStack(String sql, SqlNode parsed, PlannerSettings settings) {
    ExplainRequest explain = null;
    if (parsed instanceof SqlExplain sqlExplain) {
      explain = explainRequest(sqlExplain);
      parsed = sqlExplain.getExplicandum();
    }
    if (!parsed.isA(SqlKind.QUERY)) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED,
          "Faísca runs queries (SELECT, VALUES, WITH, set operations); " + parsed.getKind() + " is not supported yet");
    }
    return new Session(settings).plan(sql, parsed, explain, null);
  }

  private static ExplainRequest explainRequest(SqlExplain explain) {
    if (explain.getFormat() != SqlExplainFormat.TEXT) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "EXPLAIN supports the TEXT format only");
    }
    switch (explain.getDepth()) {
      case TYPE:
        return ExplainRequest.TYPE;
      case LOGICAL:
        return ExplainRequest.LOGICAL;
      default:
        return ExplainRequest.PHYSICAL;
    }
  }

  /** Connection settings Calcite's catalog reader and validator read. */
  private static CalciteConnectionConfig connectionConfig() {
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    properties.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), Casing.UNCHANGED.name());
    properties.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), Casing.UNCHANGED.name());
    return new CalciteConnectionConfigImpl(properties);
  }

  /** Planning state for one statement. */
  private final class Session implements ViewExpansion.Planning {
    private final JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(FaiscaTypeSystem.INSTANCE);
    private final CalciteCatalogReader catalogReader;
    private final RelOptCluster cluster;
    private final VolcanoPlanner volcano = new VolcanoPlanner();
    private final ViewExpansion views = new ViewExpansion(this, warehouse);
    private final PlannerSettings settings;

    Session(PlannerSettings settings) {
      this.settings = requireNonNull(settings, "settings");
      // Schemas are looked up as the statement names them: one created since the last statement is there.
      CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", new WarehouseRoot(warehouse));
      catalogReader = new CalciteCatalogReader(root, List.of(WarehouseSchema.NAME), typeFactory,
          connectionConfig());
      volcano.addRelTraitDef(ConventionTraitDef.INSTANCE);
      volcano.setExecutor(new SparkAgreeingExecutor());
      cluster = RelOptCluster.create(volcano, new RexBuilder(typeFactory));
      // The metadata provider is per thread in Calcite: set it on the thread that plans.
      cluster.setMetadataProvider(FaiscaMetadata.PROVIDER);
      cluster.setMetadataQuerySupplier(RelMetadataQuery::instance);
    }

    RelDataType rowType(SqlNodeList columns) {
      SqlValidator validator = validator();
      RelDataTypeFactory.Builder builder = typeFactory.builder();
      java.util.Set<String> names = new java.util.HashSet<>();
      for (SqlNode node : columns) {
        SqlColumnDeclaration column = (SqlColumnDeclaration) node;
        String name = column.name.getSimple();
        if (!names.add(name.toLowerCase(java.util.Locale.ROOT))) {
          throw new FaiscaException(ErrorCode.INVALID_QUERY, "Column '" + name + "' is declared twice");
        }
        boolean nullable = column.strategy != ColumnStrategy.NOT_NULLABLE;
        builder.add(name, column.dataType.deriveType(validator, nullable));
      }
      return builder.build();
    }

    /** Plans a query; with a target, its rows are fitted to the target table's columns. */
    PlannedQuery plan(String sql, SqlNode query, ExplainRequest explain, InsertTarget target) {
      SqlValidator validator = validator();
      SqlNode validated;
      UnsupportedCalls.check(query);
      try {
        validated = validator.validate(ColumnNaming.apply(query));
      } catch (CalciteContextException e) {
        throw ValidationErrors.translate(e, warehouse);
      }
      RelDataType rowType = validator.getValidatedNodeType(validated);
      RelDataType parameterRowType = validator.getParameterRowType(validated);
      RelRoot root = toRel(validator, validated);
      RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(cluster, catalogReader);
      RelNode rows = ApproximateValues.apply(root.project());
      if (target != null) {
        rows = target.fit(rows, relBuilder);
        rowType = rows.getRowType();
      }
      RelNode logical = LogicalRewrites.apply(rows, relBuilder);
      SupportedPlan.check(logical);
      SparkRel physical = PhysicalPlanning.toPhysical(volcano, logical, settings);
      boolean nestedLoops = NestedLoops.overLargeInput(physical, cluster.getMetadataQuery());
      return new PlannedQuery(sql, logical, physical, rowType, parameterRowType, nestedLoops, explain, settings);
    }

    private SqlValidator validator() {
      return validator(catalogReader);
    }

    @Override public CalciteCatalogReader reader(List<String> schemaPath) {
      return catalogReader.withSchemaPath(schemaPath);
    }

    @Override public RelDataTypeFactory typeFactory() {
      return typeFactory;
    }

    @Override public SqlValidator validator(CalciteCatalogReader reader) {
      return SqlValidatorUtil.newValidator(FaiscaOperatorTable.INSTANCE, reader,
          typeFactory, SqlValidator.Config.DEFAULT
              .withConformance(FaiscaConformance.INSTANCE)
              .withIdentifierExpansion(true)
              .withDefaultNullCollation(NullCollation.HIGH));
    }

    @Override public SqlToRelConverter converter(SqlValidator validator, CalciteCatalogReader reader) {
      SqlToRelConverter.Config config = SqlToRelConverter.config()
          .withExpand(false)
          .withTrimUnusedFields(true)
          .withInSubQueryThreshold(Integer.MAX_VALUE);
      return new SqlToRelConverter(views, validator, reader, cluster, StandardConvertletTable.INSTANCE, config);
    }

    private RelRoot toRel(SqlValidator validator, SqlNode validated) {
      SqlToRelConverter converter = converter(validator, catalogReader);
      RelRoot root = converter.convertQuery(validated, false, true);
      return root.withRel(converter.trimUnusedFields(true, root.rel));
    }
  }

  /** Renders a plan the way EXPLAIN and the approved plan files show it. */
  public static String explain(RelNode plan) {
    return RelOptUtil.toString(plan, SqlExplainLevel.EXPPLAN_ATTRIBUTES);
  }

}
