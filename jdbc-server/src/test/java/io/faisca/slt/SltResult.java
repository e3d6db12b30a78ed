package io.faisca.slt;

import java.util.ArrayList;
import java.util.List;

/** What running one script gave: counts of records that passed, and each one that failed and why. */
final class SltResult {
  private final String script;
  private int queries;
  private int queriesPassed;
  private int statements;
  private int statementsPassed;
  private final List<Failure> failures = new ArrayList<>();
  private long millis;

  SltResult(String script) {
    this.script = script;
  }

  record Failure(String script, SltRecord record, String reason) {
    /** {@code script:line}, the key a list of known failures names it by. */
    String key() {
      return script + ":" + record.line();
    }
  }

  void queryPassed() {
    queries++;
    queriesPassed++;
  }

  void queryFailed(SltRecord record, String reason) {
    queries++;
    failures.add(new Failure(script, record, reason));
  }

  void statementPassed() {
    statements++;
    statementsPassed++;
  }

  void statementFailed(SltRecord record, String reason) {
    statements++;
    failures.add(new Failure(script, record, reason));
  }

  void took(long millis) {
    this.millis = millis;
  }

  long millis() {
    return millis;
  }

  String script() {
    return script;
  }

  int queries() {
    return queries;
  }

  int queriesPassed() {
    return queriesPassed;
  }

  int statements() {
    return statements;
  }

  int statementsPassed() {
    return statementsPassed;
  }

  List<Failure> failures() {
    return List.copyOf(failures);
  }
}
