package io.faisca.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One query of {@code newuser/queries.sql}: it starts at a line {@code -- name: NAME}
 * and runs to the next one; other comment lines are notes and are left out of the SQL.
 */
record NewUserQuery(String name, String sql) {
  private static final String RESOURCE = "/newuser/queries.sql";
  private static final String NAME_PREFIX = "-- name:";
  private static final Pattern ORDER_BY = Pattern.compile("\\border\\s+by\\b");

  static List<NewUserQuery> load() {
    List<NewUserQuery> queries = new ArrayList<>();
    String name = null;
    StringBuilder sql = new StringBuilder();
    for (String line : resourceText().split("\n")) {
      if (line.startsWith(NAME_PREFIX)) {
        addIfNamed(queries, name, sql);
        name = line.substring(NAME_PREFIX.length()).strip();
        sql.setLength(0);
      } else if (!line.startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    addIfNamed(queries, name, sql);
    return queries;
  }

  private static void addIfNamed(List<NewUserQuery> queries, String name, StringBuilder sql) {
    if (name != null) {
      String text = sql.toString().strip();
      queries.add(new NewUserQuery(name, text.endsWith(";") ? text.substring(0, text.length() - 1) : text));
    }
  }

  private static String resourceText() {
    try (InputStream in = NewUserQuery.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the whole result is ordered: an ORDER BY outside every parenthesis
   * (those inside belong to subqueries, CTEs and OVER clauses).
   */
  boolean ordered() {
    return ORDER_BY.matcher(topLevelText()).find();
  }

  /** The SQL with string literals and everything inside parentheses blanked out. */
  private String topLevelText() {
    StringBuilder top = new StringBuilder();
    int depth = 0;
    boolean inLiteral = false;
    for (char c : sql.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '\'') {
        inLiteral = !inLiteral;
      } else if (!inLiteral && c == '(') {
        depth++;
      } else if (!inLiteral && c == ')') {
        depth--;
      }
      top.append(depth == 0 && !inLiteral ? c : ' ');
    }
    return top.toString();
  }

  @Override public String toString() {
    return name;
  }
}
