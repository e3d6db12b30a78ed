package io.faisca.planner;

import static org.apache.calcite.util.Static.RESOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** A validator message is known by the Calcite resource that formatted it, with the values it was given. */
class CalciteMessagesTest {
  @Test
  void aMessageNamesItsResourceAndArguments() {
    CalciteMessages.Match match = CalciteMessages.match(RESOURCE.columnNotFoundInTable("x", "t").ex().getMessage());
    assertThat(match).isNotNull();
    assertThat(match.resource()).isEqualTo("columnNotFoundInTable");
    assertThat(match.arguments()).containsExactly("x", "t");
    assertThat(ValidationErrors.classify(match.resource())).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
  }

  @Test
  void theMostSpecificTemplateWins() {
    CalciteMessages.Match match = CalciteMessages.match(RESOURCE.objectNotFoundWithin("t", "s").ex().getMessage());
    assertThat(match.resource()).isEqualTo("objectNotFoundWithin");
    assertThat(match.argument(1)).isEqualTo("s");
    assertThat(CalciteMessages.match(RESOURCE.objectNotFound("t").ex().getMessage()).resource())
        .isIn("objectNotFound");
  }

  @Test
  void resourcesMapToTheirCodes() {
    assertThat(ValidationErrors.classify(CalciteMessages.match(
        RESOURCE.tableNameNotFound("t").ex().getMessage()).resource())).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
    assertThat(ValidationErrors.classify(CalciteMessages.match(
        RESOURCE.condMustBeBoolean("WHERE").ex().getMessage()).resource())).isEqualTo(ErrorCode.TYPE_MISMATCH);
    assertThat(ValidationErrors.classify(CalciteMessages.match(
        RESOURCE.notGroupExpr("x").ex().getMessage()).resource())).isEqualTo(ErrorCode.INVALID_QUERY);
  }

  @Test
  void aMessageOfAnotherOriginMatchesNothing() {
    assertThat(CalciteMessages.match("Something else went wrong")).isNull();
  }
}
