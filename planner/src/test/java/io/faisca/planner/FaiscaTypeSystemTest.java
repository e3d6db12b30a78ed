package io.faisca.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** The numeric typing Faísca promises: Spark's decimal rules, wide sums, averages with four more digits. */
class FaiscaTypeSystemTest {
  private final FaiscaTypeSystem types = FaiscaTypeSystem.INSTANCE;
  private final SqlTypeFactoryImpl factory = new SqlTypeFactoryImpl(types);

  @Test
  void decimalsGoUpToPrecision38() {
    assertThat(types.getMaxPrecision(SqlTypeName.DECIMAL)).isEqualTo(38);
    assertThat(types.getMaxScale(SqlTypeName.DECIMAL)).isEqualTo(38);
  }

  @Test
  void sumAndDifferenceKeepTheLargerScaleAndAddADigit() {
    assertThat(name(types.deriveDecimalPlusType(factory, decimal(15, 2), decimal(10, 4)))).isEqualTo("DECIMAL(18, 4)");
    assertThat(name(types.deriveDecimalPlusType(factory, decimal(15, 2), integer()))).isEqualTo("DECIMAL(16, 2)");
  }

  @Test
  void productAddsPrecisionsPlusOneAndScales() {
    assertThat(name(types.deriveDecimalMultiplyType(factory, decimal(15, 2), decimal(16, 2))))
        .isEqualTo("DECIMAL(32, 4)");
  }

  @Test
  void quotientKeepsAtLeastSixDigitsOfScale() {
    assertThat(name(types.deriveDecimalDivideType(factory, decimal(15, 2), decimal(15, 2))))
        .isEqualTo("DECIMAL(33, 18)");
    assertThat(name(types.deriveDecimalDivideType(factory, decimal(10, 2), decimal(2, 1))))
        .isEqualTo("DECIMAL(15, 6)");
  }

  @Test
  void pastThirtyEightDigitsTheScaleGivesWayDownToSix() {
    // TPC-H q1: (DECIMAL(32,4) * DECIMAL(16,2)) needs 49 digits; Spark keeps 32 integral digits and scale 6.
    assertThat(name(types.deriveDecimalMultiplyType(factory, decimal(32, 4), decimal(16, 2))))
        .isEqualTo("DECIMAL(38, 6)");
    // With few integral digits the scale keeps what fits.
    assertThat(name(types.deriveDecimalDivideType(factory, decimal(38, 10), decimal(38, 10))))
        .isEqualTo("DECIMAL(38, 6)");
  }

  @Test
  void bigintsCountAsTwentyDigitsInDecimalArithmetic() {
    assertThat(name(types.deriveDecimalMultiplyType(factory, decimal(15, 2),
        factory.createSqlType(SqlTypeName.BIGINT)))).isEqualTo("DECIMAL(36, 2)");
  }

  @Test
  void noDecimalRuleForTwoIntegers() {
    assertThat(types.deriveDecimalMultiplyType(factory, integer(), integer())).isNull();
  }

  @Test
  void sumsWiden() {
    assertThat(name(types.deriveSumType(factory, decimal(15, 2)))).isEqualTo("DECIMAL(25, 2)");
    assertThat(name(types.deriveSumType(factory, decimal(35, 2)))).isEqualTo("DECIMAL(38, 2)");
    assertThat(name(types.deriveSumType(factory, integer()))).isEqualTo("BIGINT");
    assertThat(name(types.deriveSumType(factory, factory.createSqlType(SqlTypeName.REAL)))).isEqualTo("DOUBLE");
  }

  @Test
  void averagesOfDecimalsKeepFourMoreDigitsAndOfOtherNumbersAreDouble() {
    assertThat(name(types.deriveAvgAggType(factory, decimal(15, 2)))).isEqualTo("DECIMAL(19, 6)");
    assertThat(name(types.deriveAvgAggType(factory, decimal(36, 34)))).isEqualTo("DECIMAL(38, 38)");
    assertThat(name(types.deriveAvgAggType(factory, integer()))).isEqualTo("DOUBLE");
  }

  @Test
  void nullabilityOfTheArgumentCarriesOver() {
    RelDataType nullable = factory.createTypeWithNullability(decimal(15, 2), true);
    assertThat(types.deriveSumType(factory, nullable).isNullable()).isTrue();
    assertThat(types.deriveAvgAggType(factory, decimal(15, 2)).isNullable()).isFalse();
  }

  @Test
  void narrowingRoundsHalfUpAndRaggedStringsBecomeVarying() {
    assertThat(types.roundingMode()).isEqualTo(java.math.RoundingMode.HALF_UP);
    assertThat(types.shouldConvertRaggedUnionTypesToVarying()).isTrue();
  }

  private RelDataType decimal(int precision, int scale) {
    return factory.createSqlType(SqlTypeName.DECIMAL, precision, scale);
  }

  private RelDataType integer() {
    return factory.createSqlType(SqlTypeName.INTEGER);
  }

  private static String name(RelDataType type) {
    return type.getFullTypeString().replace(" NOT NULL", "");
  }
}
