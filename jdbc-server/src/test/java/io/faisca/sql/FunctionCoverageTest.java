package io.faisca.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.parser.FaiscaParser;
import io.faisca.planner.FaiscaOperatorTable;
import io.faisca.runtime.lower.LoweredOperators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.junit.jupiter.api.Test;

/**
 * Walks every operator Calcite knows: each one Faísca offers has a lowering
 * and runs in a script query; every other one is refused while validating,
 * with SQLState 0A000 and its name.
 */
class FunctionCoverageTest {
  private static final Path SCRIPTS = Path.of("src/test/resources/sql");
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

  @Test
  void everyOfferedOperatorIsLowered() {
    List<String> notLowered = FaiscaOperatorTable.SUPPORTED.stream()
        .filter(op -> !LoweredOperators.lowers(op))
        .map(FunctionCoverageTest::describe)
        .sorted()
        .toList();
    assertThat(notLowered).as("offered but without a lowering").isEmpty();
  }

  @Test
  void everyOfferedOperatorRunsInAScriptQuery() throws IOException {
    ScriptCalls calls = ScriptCalls.of(scriptQueries());
    List<String> unexercised = FaiscaOperatorTable.SUPPORTED.stream()
        .filter(op -> !calls.exercise(op))
        .map(FunctionCoverageTest::describe)
        .sorted()
        .toList();
    assertThat(unexercised).as("offered but no script query calls them").isEmpty();
  }

  /**
   * Functions called by name are refused by name: each is called with an
   * argument, or as the bare word standard SQL's niladic functions are.
   */
  @Test
  void everyOtherFunctionIsRefused() throws SQLException {
    List<String> wrong = new ArrayList<>();
    try (Connection faisca = DriverManager.getConnection(TestWarehouse.url());
        Statement statement = faisca.createStatement()) {
      for (SqlOperator op : refusedFunctions()) {
        boolean bareWord = op.getSyntax() == SqlSyntax.FUNCTION_ID
            && SqlStdOperatorTable.instance().getOperatorList().contains(op);
        String sql = bareWord ? "SELECT " + op.getName() : "SELECT " + op.getName() + "(1)";
        try {
          statement.executeQuery(sql).close();
          wrong.add(sql + " ran");
        } catch (SQLException e) {
          boolean refused = "0A000".equals(e.getSQLState())
              && e.getMessage().contains("function " + op.getName() + " is not supported");
          if (!refused && !isSyntaxError(e)) {
            wrong.add(sql + " failed with " + e.getSQLState() + ": " + e.getMessage());
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** A name the grammar reserves for a syntax of its own (CAST, EXTRACT ...) cannot be called this way. */
  private static boolean isSyntaxError(SQLException e) {
    return "42000".equals(e.getSQLState()) && (e.getMessage().contains("Encountered")
        || e.getMessage().contains("Syntax error") || e.getMessage().contains("Incorrect syntax"));
  }

  private static List<SqlOperator> refusedFunctions() {
    Set<String> offeredNames = new HashSet<>();
    FaiscaOperatorTable.SUPPORTED.forEach(op -> offeredNames.add(op.getName()));
    return FaiscaOperatorTable.KNOWN.stream()
        .filter(op -> op instanceof SqlFunction && !offeredNames.contains(op.getName()))
        .filter(op -> PLAIN_NAME.matcher(op.getName()).matches())
        .toList();
  }

  private static List<String> scriptQueries() throws IOException {
    List<String> queries = new ArrayList<>();
    try (Stream<Path> files = Files.list(SCRIPTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".slt")).sorted().toList()) {
        SqlScript.read(file).records().stream()
            .filter(r -> r.kind() == ScriptRecord.Kind.QUERY)
            .forEach(r -> queries.add(r.sql()));
      }
    }
    return queries;
  }

  private static String describe(SqlOperator op) {
    return op.getName() + " (" + op.getKind() + ", " + op.getSyntax() + ")";
  }

  /** The operators the script queries call, as the parser gives them: an operator, or a function's name. */
  private static final class ScriptCalls extends SqlBasicVisitor<Void> {
    private final Set<SqlOperator> operators = new HashSet<>();
    private final Set<String> names = new HashSet<>();

    static ScriptCalls of(List<String> queries) {
      ScriptCalls calls = new ScriptCalls();
      queries.forEach(sql -> FaiscaParser.parse(sql).accept(calls));
      return calls;
    }

    boolean exercise(SqlOperator op) {
      return operators.contains(op) || op instanceof SqlFunction && names.contains(op.getName());
    }

    @Override public Void visit(SqlCall call) {
      operators.add(call.getOperator());
      names.add(call.getOperator().getName().toUpperCase(Locale.ROOT));
      return super.visit(call);
    }

    /** CURRENT_DATE and the like are written without parentheses. */
    @Override public Void visit(SqlIdentifier id) {
      if (id.isSimple()) {
        names.add(id.getSimple().toUpperCase(Locale.ROOT));
      }
      return null;
    }
  }
}
