package io.faisca.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A file of SQL records in a sqllogictest-like format:
 *
 * <pre>
 * # comment
 * query [rowsort] [manual] [types=INTEGER;DECIMAL(10,2)]
 * SELECT ...
 * ----
 * 1	2.50
 *
 * error 22012 Division by zero
 * SELECT 1 / 0
 *
 * plan
 * SELECT ...
 * ----
 * SparkTableScan(...)
 * </pre>
 *
 * Records are separated by blank lines; values in a row by tabs; {@code NULL}
 * is SQL NULL and {@code (empty)} the empty string.
 */
final class SqlScript {
  static final String SEPARATOR = "----";

  private final Path file;
  private final List<Object> parts;

  private SqlScript(Path file, List<Object> parts) {
    this.file = file;
    this.parts = parts;
  }

  static SqlScript read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Object> parts = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        parts.add(line);
        i++;
        continue;
      }
      int start = i;
      List<String> block = new ArrayList<>();
      while (i < lines.size() && !lines.get(i).isBlank()) {
        block.add(lines.get(i));
        i++;
      }
      parts.add(parse(file, start + 1, block));
    }
    return new SqlScript(file, parts);
  }

  private static ScriptRecord parse(Path file, int lineNumber, List<String> block) {
    String[] header = block.get(0).strip().split("\\s+");
    List<String> body = block.subList(1, block.size());
    int separator = body.indexOf(SEPARATOR);
    List<String> sqlLines = separator < 0 ? body : body.subList(0, separator);
    List<String> expected = separator < 0 ? List.of() : List.copyOf(body.subList(separator + 1, body.size()));
    String sql = String.join("\n", sqlLines);
    switch (header[0]) {
      case "query": {
        Set<String> flags = new LinkedHashSet<>();
        List<String> types = null;
        for (String option : Arrays.asList(header).subList(1, header.length)) {
          if (option.startsWith("types=")) {
            types = List.of(option.substring("types=".length()).split(";"));
          } else {
            flags.add(option);
          }
        }
        return new ScriptRecord(ScriptRecord.Kind.QUERY, lineNumber, sql, flags, types, null, null, expected);
      }
      case "error": {
        String state = header.length > 1 ? header[1] : null;
        String rest = block.get(0).strip();
        int messageStart = state == null ? -1 : rest.indexOf(state) + state.length();
        String message = messageStart < 0 ? "" : rest.substring(messageStart).strip();
        return new ScriptRecord(ScriptRecord.Kind.ERROR, lineNumber, sql, Set.of(), null, state, message, List.of());
      }
      case "plan":
        return new ScriptRecord(ScriptRecord.Kind.PLAN, lineNumber, sql, Set.of(), null, null, null, expected);
      default:
        throw new IllegalArgumentException(file + ":" + lineNumber + ": unknown record '" + header[0] + "'");
    }
  }

  Path file() {
    return file;
  }

  List<ScriptRecord> records() {
    return parts.stream().filter(ScriptRecord.class::isInstance).map(ScriptRecord.class::cast).toList();
  }

  /** Replaces a record (by its line) and writes the file back. */
  void replace(ScriptRecord updated) {
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i) instanceof ScriptRecord r && r.line() == updated.line()) {
        parts.set(i, updated);
      }
    }
  }

  void write() throws IOException {
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof String line) {
        out.append(line).append('\n');
      } else {
        out.append(format((ScriptRecord) part));
      }
    }
    Files.writeString(file, out.toString());
  }

  private static String format(ScriptRecord record) {
    StringBuilder out = new StringBuilder();
    switch (record.kind()) {
      case QUERY -> {
        out.append("query");
        record.flags().forEach(f -> out.append(' ').append(f));
        if (record.types() != null) {
          out.append(" types=").append(String.join(";", record.types()));
        }
      }
      case ERROR -> out.append("error ").append(record.sqlState())
          .append(record.message().isEmpty() ? "" : " " + record.message());
      case PLAN -> out.append("plan");
    }
    out.append('\n').append(record.sql()).append('\n');
    if (record.kind() != ScriptRecord.Kind.ERROR) {
      out.append(SEPARATOR).append('\n');
      record.expected().forEach(line -> out.append(line).append('\n'));
    }
    return out.toString();
  }
}
