package io.faisca.runtime.lower.calls;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.runtime.SparkErrors;
import io.faisca.runtime.lower.RexToColumn;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/** LIKE and the string functions. */
final class Strings {
  /** Stands in as LIKE's escape character when the pattern gives none, so a backslash is literal. */
  private static final String NO_ESCAPE = "\u0001";

  private Strings() {
  }

  static void register(CallLowerings.Registry registry) {
    registry.name("LIKE", (call, rex) -> like(call, rex, false));
    registry.name("NOT LIKE", (call, rex) -> functions.not(like(call, rex, false)));
    registry.name("ILIKE", (call, rex) -> like(call, rex, true));
    registry.name("NOT ILIKE", (call, rex) -> functions.not(like(call, rex, true)));
    registry.name("UPPER", Operands.unary(functions::upper));
    registry.name("LOWER", Operands.unary(functions::lower));
    registry.name("INITCAP", Operands.unary(Strings::initcap));
    registry.name("CHAR_LENGTH", Operands.unary(functions::char_length));
    registry.name("CHARACTER_LENGTH", Operands.unary(functions::char_length));
    registry.name("LENGTH", Operands.unary(functions::char_length));
    registry.name("OCTET_LENGTH", Operands.unary(functions::octet_length));
    registry.name("ASCII", Operands.unary(functions::ascii));
    registry.name("CHR", Operands.unary(functions::chr));
    registry.name("REVERSE", Operands.unary(functions::reverse));
    registry.kind(SqlKind.TRIM, Strings::trim);
    registry.name("LTRIM", Operands.unary(functions::ltrim));
    registry.name("RTRIM", Operands.unary(functions::rtrim));
    registry.name("SUBSTRING", Strings::substring);
    registry.kind(SqlKind.POSITION, Strings::position);
    registry.name("STRPOS", Operands.binary((string, part) -> functions.position(part, string)));
    registry.name("||", (call, rex) -> functions.concat(Operands.all(call, rex)));
    // CONCAT skips NULLs, as in PostgreSQL, DuckDB and Trino; || stays NULL when an operand is.
    registry.name("CONCAT", (call, rex) -> functions.concat_ws("", Operands.all(call, rex)));
    registry.name("CONCAT_WS", (call, rex) -> functions.concat_ws(
        (String) Operands.literal(call, 0, "separator"),
        Operands.rest(call, 1).stream().map(rex::lower).toArray(Column[]::new)));
    registry.name("REPLACE", (call, rex) -> {
      Column[] o = Operands.all(call, rex);
      return functions.replace(o[0], o[1], o[2]);
    });
    registry.name("LPAD", (call, rex) -> pad(call, rex, true));
    registry.name("RPAD", (call, rex) -> pad(call, rex, false));
    registry.name("LEFT", Operands.binary(functions::left));
    registry.name("RIGHT", Operands.binary(functions::right));
    registry.name("REPEAT", Operands.binary(functions::repeat));
    registry.name("STARTS_WITH", Operands.binary(functions::startswith));
    registry.name("ENDS_WITH", Operands.binary(functions::endswith));
    registry.name("SPLIT_PART", (call, rex) -> {
      Column[] o = Operands.all(call, rex);
      return functions.split_part(o[0], o[1], o[2]);
    });
    registry.name("OVERLAY", (call, rex) -> {
      Column[] o = Operands.all(call, rex);
      return o.length == 3 ? functions.overlay(o[0], o[1], o[2]) : functions.overlay(o[0], o[1], o[2], o[3]);
    });
  }

  /**
   * Capitalizes each word, words being runs of letters and digits, as Calcite
   * defines INITCAP (Spark's own splits at spaces only). The string is cut
   * after every other character, and each piece capitalized.
   */
  private static Column initcap(Column string) {
    Column pieces = functions.split(string, "(?<=[^\\p{L}\\p{Nd}])");
    Column capitalized = functions.transform(pieces, piece -> functions.concat(
        functions.upper(piece.substr(1, 1)), functions.lower(piece.substr(2, Integer.MAX_VALUE))));
    return functions.array_join(capitalized, "");
  }

  private static Column like(RexCall call, RexToColumn rex, boolean ignoreCase) {
    Column string = rex.lower(call.getOperands().get(0));
    Column pattern = rex.lower(call.getOperands().get(1));
    // Spark takes the escape character as a bare literal.
    Column escape = functions.lit(call.getOperands().size() > 2
        ? (String) Operands.literal(call, 2, "escape character")
        : NO_ESCAPE);
    return ignoreCase ? functions.ilike(string, pattern, escape) : functions.like(string, pattern, escape);
  }

  /** {@code TRIM(BOTH|LEADING|TRAILING chars FROM s)}: operands are the flag, the characters and the string. */
  private static Column trim(RexCall call, RexToColumn rex) {
    SqlTrimFunction.Flag flag = (SqlTrimFunction.Flag) Operands.literal(call, 0, "flag");
    String characters = (String) Operands.literal(call, 1, "set of characters");
    Column string = rex.lower(call.getOperands().get(2));
    switch (flag) {
      case LEADING:
        return functions.ltrim(string, characters);
      case TRAILING:
        return functions.rtrim(string, characters);
      default:
        return functions.trim(string, characters);
    }
  }

  /**
   * {@code SUBSTRING(s FROM start [FOR length])} as SQL defines it: positions
   * before the first still count toward the length, so FROM 0 FOR 2 gives one
   * character; Spark would start at 1, and count a negative start from the end.
   */
  private static Column substring(RexCall call, RexToColumn rex) {
    Column string = rex.lower(call.getOperands().get(0));
    Column start = rex.lower(call.getOperands().get(1)).cast(DataTypes.LongType);
    Column from = functions.greatest(start, functions.lit(1L));
    if (call.getOperands().size() == 2) {
      return string.substr(from.cast(DataTypes.IntegerType), functions.lit(Integer.MAX_VALUE));
    }
    Column length = rex.lower(call.getOperands().get(2)).cast(DataTypes.LongType);
    Column end = start.plus(length);
    Column kept = functions.least(functions.greatest(end.minus(from), functions.lit(0L)),
        functions.lit((long) Integer.MAX_VALUE));
    return functions.when(length.lt(0), functions.raise_error(functions.lit(SparkErrors.NEGATIVE_SUBSTRING_LENGTH)))
        .otherwise(string.substr(from.cast(DataTypes.IntegerType), kept.cast(DataTypes.IntegerType)));
  }

  private static Column position(RexCall call, RexToColumn rex) {
    Column[] o = Operands.all(call, rex);
    return o.length == 2 ? functions.position(o[0], o[1]) : functions.position(o[0], o[1], o[2]);
  }

  private static Column pad(RexCall call, RexToColumn rex, boolean left) {
    Column[] o = Operands.all(call, rex);
    Column padding = o.length > 2 ? o[2] : functions.lit(" ");
    if (o.length < 2) {
      throw new FaiscaException(ErrorCode.INVALID_ARGUMENT, call.getOperator().getName() + " needs a length");
    }
    return left ? functions.lpad(o[0], o[1], padding) : functions.rpad(o[0], o[1], padding);
  }
}
