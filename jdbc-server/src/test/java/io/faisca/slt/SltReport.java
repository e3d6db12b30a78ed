package io.faisca.slt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The pass rate of each script and every failing record, as Markdown. */
final class SltReport {
  private SltReport() {
  }

  static void write(Path file, List<SltResult> results) throws IOException {
    StringBuilder report = new StringBuilder("# sqllogictest\n\n| file | queries | passed | rate | statements | passed | seconds |\n"
        + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    long queries = 0;
    long passed = 0;
    for (SltResult result : results) {
      queries += result.queries();
      passed += result.queriesPassed();
      report.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %d | %d | %.1f |%n", result.script(),
          result.queries(), result.queriesPassed(), rate(result.queriesPassed(), result.queries()),
          result.statements(), result.statementsPassed(), result.millis() / 1000.0));
    }
    report.append(String.format(Locale.ROOT, "| **all** | %d | %d | %s | | | |%n%n## Failures%n%n", queries, passed,
        rate(passed, queries)));
    for (SltResult result : results) {
      for (SltResult.Failure failure : result.failures()) {
        report.append("- `").append(failure.key()).append("` ").append(failure.reason().replace('\n', ' '))
            .append("\n  ```sql\n  ").append(failure.record().sql().replace("\n", "\n  ")).append("\n  ```\n");
      }
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
  }

  private static String rate(long passed, long total) {
    return total == 0 ? "-" : String.format(Locale.ROOT, "%.2f %%", 100.0 * passed / total);
  }
}
