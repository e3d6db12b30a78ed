package io.faisca.runtime.lower;

import io.faisca.planner.physical.SparkProject;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A projection is a Spark select of the lowered expressions. */
final class ProjectLowering {
  private ProjectLowering() {
  }

  static Dataset<Row> lower(SparkProject project, Dataset<Row> input, LoweringContext context) {
    RexToColumn rex = new RexToColumn(Arrays.asList(input.columns()), context);
    List<String> names = ColumnNames.of(project.getRowType());
    Column[] columns = new Column[names.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = rex.lower(project.getProjects().get(i)).as(names.get(i));
    }
    return input.select(columns);
  }
}
