package io.faisca.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.catalog.Warehouse;
import io.faisca.planner.FaiscaPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each TPC-H query's physical plan against its approved plan file. Run with
 * {@code -Dfaisca.approvePlans=true} to rewrite the files, then review the diff.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TpchPlanTest {
  private static final Path APPROVED = Path.of("src/test/resources/tpch/plans");

  private FaiscaPlanner planner;

  @BeforeAll
  void plan() {
    planner = new FaiscaPlanner(Warehouse.open(TpchTestData.warehouse().toString()));
  }

  static List<String> queries() {
    return TpchQueries.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void planMatchesApprovedPlan(String query) throws Exception {
    String plan = FaiscaPlanner.explain(planner.plan(TpchQueries.text(query)).physical());
    Path approved = APPROVED.resolve(query + ".plan");
    if (Boolean.getBoolean("faisca.approvePlans")) {
      Files.createDirectories(APPROVED);
      Files.writeString(approved, plan);
    }
    assertThat(approved).as("approved plan for %s", query).exists();
    assertThat(plan).as("plan of %s differs from %s", query, approved).isEqualTo(Files.readString(approved));
  }
}
