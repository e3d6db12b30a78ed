package io.faisca.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conveniences the dialect allows beyond standard SQL. Some are decided
 * by the parser, the others by the validator: those are checked by validating
 * against a one-table schema, next to strict SQL:2003, which rejects them.
 */
class FaiscaConformanceTest {
  @Test void bangEqualIsNotEquals() {
    SqlSelect select = (SqlSelect) FaiscaParser.parse("SELECT a FROM t WHERE a != 1");

    assertThat(select.getWhere().getKind()).isEqualTo(SqlKind.NOT_EQUALS);
  }

  @Test void bangEqualIsOnlyAllowedByTheDialect() {
    SqlParser.Config strict = FaiscaParser.CONFIG.withConformance(SqlConformanceEnum.STRICT_2003);

    assertThatThrownBy(() -> SqlParser.create("SELECT a FROM t WHERE a != 1", strict).parseStmt())
        .isInstanceOf(SqlParseException.class)
        .hasMessageContaining("Bang equal '!=' is not allowed");
  }

  @Test void percentIsRemainder() {
    SqlSelect select = (SqlSelect) FaiscaParser.parse("SELECT a % 2 FROM t");

    SqlBasicCall remainder = (SqlBasicCall) select.getSelectList().get(0);
    assertThat(remainder.getKind()).isEqualTo(SqlKind.MOD);
    assertThat(remainder.getOperator()).isSameAs(SqlStdOperatorTable.PERCENT_REMAINDER);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 1 + 1",
      "SELECT b AS k, COUNT(*) AS n FROM t GROUP BY k",
      "SELECT b, COUNT(*) FROM t GROUP BY 1",
      "SELECT b AS k, COUNT(*) AS n FROM t GROUP BY b HAVING n > 1",
  })
  void validatesUnderTheDialectButNotUnderStrictSql(String sql) {
    assertThat(validate(sql, FaiscaConformance.INSTANCE)).isNotNull();
    assertThatThrownBy(() -> validate(sql, SqlConformanceEnum.STRICT_2003))
        .isInstanceOf(CalciteContextException.class);
  }

  private static SqlNode validate(String sql, SqlConformance conformance) {
    CalciteSchema root = CalciteSchema.createRootSchema(false);
    root.add("t", new AbstractTable() {
      @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return typeFactory.builder()
            .add("a", SqlTypeName.INTEGER)
            .add("b", SqlTypeName.VARCHAR)
            .build();
      }
    });
    JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl();
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    CalciteCatalogReader catalog = new CalciteCatalogReader(root, List.of(), typeFactory,
        new CalciteConnectionConfigImpl(properties));
    SqlValidator validator = SqlValidatorUtil.newValidator(SqlStdOperatorTable.instance(), catalog, typeFactory,
        SqlValidator.Config.DEFAULT.withConformance(conformance));
    return validator.validate(FaiscaParser.parse(sql));
  }
}
