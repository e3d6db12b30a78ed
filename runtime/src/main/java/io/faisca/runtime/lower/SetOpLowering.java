package io.faisca.runtime.lower;

import java.util.List;
import java.util.function.BinaryOperator;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * UNION, INTERSECT and EXCEPT, matching columns by position. Each input is
 * first cast to the set operation's row type, as SQL widens the inputs to it.
 */
final class SetOpLowering {
  private SetOpLowering() {
  }

  static Dataset<Row> union(SetOp union, List<Dataset<Row>> inputs) {
    Dataset<Row> result = fold(union, inputs, Dataset::unionAll);
    return union.all ? result : result.distinct();
  }

  static Dataset<Row> intersect(SetOp intersect, List<Dataset<Row>> inputs) {
    return fold(intersect, inputs, intersect.all ? Dataset::intersectAll : Dataset::intersect);
  }

  static Dataset<Row> minus(SetOp minus, List<Dataset<Row>> inputs) {
    return fold(minus, inputs, minus.all ? Dataset::exceptAll : Dataset::except);
  }

  private static Dataset<Row> fold(SetOp setOp, List<Dataset<Row>> inputs, BinaryOperator<Dataset<Row>> op) {
    Dataset<Row> result = aligned(setOp, inputs.get(0));
    for (int i = 1; i < inputs.size(); i++) {
      result = op.apply(result, aligned(setOp, inputs.get(i)));
    }
    return result;
  }

  private static Dataset<Row> aligned(SetOp setOp, Dataset<Row> input) {
    List<String> names = ColumnNames.of(setOp.getRowType());
    List<RelDataTypeField> fields = setOp.getRowType().getFieldList();
    String[] inputNames = input.columns();
    Column[] columns = new Column[fields.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = ColumnNames.ref(inputNames[i]).cast(SparkTypes.of(fields.get(i).getType())).as(names.get(i));
    }
    return input.select(columns);
  }
}
