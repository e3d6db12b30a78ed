package io.faisca.planner;

import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Faísca's numeric typing, chosen once for the whole engine.
 *
 * <ul>
 *   <li>DECIMAL goes up to precision 38, Spark's limit.</li>
 *   <li>Decimal arithmetic derives Spark's result types: {@code p1 + p2 + 1}
 *       digits for a product, scale at least 6 for a quotient, and when a
 *       result needs more than 38 digits the scale gives way first, down to 6.
 *       Spark therefore computes each expression in exactly the type derived
 *       here, with no second rounding.</li>
 *   <li>{@code SUM} of a DECIMAL(p, s) is DECIMAL(p + 10, s); of an integer,
 *       BIGINT; of a floating point number, DOUBLE.</li>
 *   <li>{@code AVG} (and STDDEV, VAR) of a DECIMAL(p, s) is DECIMAL(p + 4, s + 4),
 *       so an average of money keeps four more digits; of any other number, DOUBLE.</li>
 *   <li>{@code COVAR_POP}, {@code COVAR_SAMP} and {@code REGR_SXX}, {@code REGR_SYY} are DOUBLE,
 *       as in PostgreSQL and Spark (Calcite's default keeps the arguments' type, an integer
 *       covariance then losing its fraction).</li>
 *   <li>Narrowing a decimal rounds half up.</li>
 *   <li>Timestamps carry microseconds.</li>
 * </ul>
 */
public final class FaiscaTypeSystem extends RelDataTypeSystemImpl {
  public static final FaiscaTypeSystem INSTANCE = new FaiscaTypeSystem();

  static final int MAX_DECIMAL_PRECISION = 38;
  private static final int MIN_ADJUSTED_SCALE = 6;
  private static final int TIMESTAMP_PRECISION = 6;

  private FaiscaTypeSystem() {
  }

  @Override public int getMaxPrecision(SqlTypeName typeName) {
    switch (typeName) {
      case DECIMAL:
        return MAX_DECIMAL_PRECISION;
      case TIME:
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return TIMESTAMP_PRECISION;
      default:
        return super.getMaxPrecision(typeName);
    }
  }

  @Override public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
  }

  @Override public int getDefaultPrecision(SqlTypeName typeName) {
    switch (typeName) {
      case TIME:
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return TIMESTAMP_PRECISION;
      default:
        return super.getDefaultPrecision(typeName);
    }
  }

  @Override public RoundingMode roundingMode() {
    return RoundingMode.HALF_UP;
  }

  @Override public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    RelDataType sum;
    switch (argumentType.getSqlTypeName()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        sum = typeFactory.createSqlType(SqlTypeName.BIGINT);
        break;
      case DECIMAL:
        sum = bounded(typeFactory, argumentType.getPrecision() + 10, argumentType.getScale());
        break;
      case REAL:
      case FLOAT:
      case DOUBLE:
        sum = typeFactory.createSqlType(SqlTypeName.DOUBLE);
        break;
      default:
        return argumentType;
    }
    return typeFactory.createTypeWithNullability(sum, argumentType.isNullable());
  }

  @Override public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    RelDataType avg;
    if (argumentType.getSqlTypeName() == SqlTypeName.DECIMAL) {
      avg = bounded(typeFactory, argumentType.getPrecision() + 4, argumentType.getScale() + 4);
    } else if (SqlTypeUtil.isNumeric(argumentType)) {
      avg = typeFactory.createSqlType(SqlTypeName.DOUBLE);
    } else {
      return argumentType;
    }
    return typeFactory.createTypeWithNullability(avg, argumentType.isNullable());
  }

  @Override public RelDataType deriveCovarType(RelDataTypeFactory typeFactory, RelDataType arg0Type,
      RelDataType arg1Type) {
    return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE), true);
  }

  @Override public @Nullable RelDataType deriveDecimalPlusType(RelDataTypeFactory typeFactory,
      RelDataType type1, RelDataType type2) {
    if (!isDecimalArithmetic(type1, type2)) {
      return null;
    }
    Decimal a = Decimal.of(type1);
    Decimal b = Decimal.of(type2);
    int scale = Math.max(a.scale, b.scale);
    int integral = Math.max(a.precision - a.scale, b.precision - b.scale);
    return adjusted(typeFactory, integral + scale + 1, scale);
  }

  @Override public @Nullable RelDataType deriveDecimalMultiplyType(RelDataTypeFactory typeFactory,
      RelDataType type1, RelDataType type2) {
    if (!isDecimalArithmetic(type1, type2)) {
      return null;
    }
    Decimal a = Decimal.of(type1);
    Decimal b = Decimal.of(type2);
    return adjusted(typeFactory, a.precision + b.precision + 1, a.scale + b.scale);
  }

  @Override public @Nullable RelDataType deriveDecimalDivideType(RelDataTypeFactory typeFactory,
      RelDataType type1, RelDataType type2) {
    if (!isDecimalArithmetic(type1, type2)) {
      return null;
    }
    Decimal a = Decimal.of(type1);
    Decimal b = Decimal.of(type2);
    int integral = a.precision - a.scale + b.scale;
    int scale = Math.max(MIN_ADJUSTED_SCALE, a.scale + b.precision + 1);
    return adjusted(typeFactory, integral + scale, scale);
  }

  @Override public @Nullable RelDataType deriveDecimalModType(RelDataTypeFactory typeFactory,
      RelDataType type1, RelDataType type2) {
    if (!isDecimalArithmetic(type1, type2)) {
      return null;
    }
    Decimal a = Decimal.of(type1);
    Decimal b = Decimal.of(type2);
    int scale = Math.max(a.scale, b.scale);
    return adjusted(typeFactory, Math.min(a.precision - a.scale, b.precision - b.scale) + scale, scale);
  }

  private static boolean isDecimalArithmetic(RelDataType type1, RelDataType type2) {
    return SqlTypeUtil.isExactNumeric(type1) && SqlTypeUtil.isExactNumeric(type2)
        && (SqlTypeUtil.isDecimal(type1) || SqlTypeUtil.isDecimal(type2));
  }

  /** When a result needs more than 38 digits, keep the integral digits and give up scale, down to 6. */
  private static RelDataType adjusted(RelDataTypeFactory typeFactory, int precision, int scale) {
    if (precision <= MAX_DECIMAL_PRECISION) {
      return typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, scale);
    }
    int integral = precision - scale;
    int minScale = Math.min(scale, MIN_ADJUSTED_SCALE);
    int newScale = Math.max(MAX_DECIMAL_PRECISION - integral, minScale);
    return typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, newScale);
  }

  private static RelDataType bounded(RelDataTypeFactory typeFactory, int precision, int scale) {
    return typeFactory.createSqlType(SqlTypeName.DECIMAL,
        Math.min(precision, MAX_DECIMAL_PRECISION), Math.min(scale, MAX_DECIMAL_PRECISION));
  }

  /** Precision and scale of an exact numeric type, integers counted as Spark counts them. */
  private record Decimal(int precision, int scale) {
    static Decimal of(RelDataType type) {
      switch (type.getSqlTypeName()) {
        case TINYINT:
          return new Decimal(3, 0);
        case SMALLINT:
          return new Decimal(5, 0);
        case INTEGER:
          return new Decimal(10, 0);
        case BIGINT:
          return new Decimal(20, 0);
        default:
          return new Decimal(type.getPrecision(), type.getScale());
      }
    }
  }
}
