package io.faisca.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sqllogictest file read as the database {@code postgresql} reads it: records marked {@code skipif
 * postgresql}, or {@code onlyif} another database, are left out, and so is everything after a
 * {@code halt} that applies.
 */
record SltScript(String name, List<SltRecord> records, int hashThreshold) {
  static final String DATABASE = "postgresql";
  private static final Pattern HASHED = Pattern.compile("(\\d+) values hashing to ([0-9a-f]{32})");

  static SltScript parse(String name, String text) {
    List<String> lines = text.lines().toList();
    List<SltRecord> records = new ArrayList<>();
    int hashThreshold = 0;
    int i = 0;
    while (i < lines.size()) {
      boolean applies = true;
      boolean onlyIfSeen = false;
      boolean onlyIfUs = false;
      // Conditions precede the record they apply to.
      while (i < lines.size() && (lines.get(i).startsWith("skipif ") || lines.get(i).startsWith("onlyif "))) {
        String[] words = lines.get(i).split("\\s+");
        if (words[0].equals("skipif") && words[1].equals(DATABASE)) {
          applies = false;
        } else if (words[0].equals("onlyif")) {
          onlyIfSeen = true;
          onlyIfUs |= words[1].equals(DATABASE);
        }
        i++;
      }
      applies &= !onlyIfSeen || onlyIfUs;
      if (i >= lines.size()) {
        break;
      }
      String line = lines.get(i);
      int start = i + 1;
      if (line.isBlank() || line.startsWith("#")) {
        i++;
        continue;
      }
      if (line.equals("halt")) {
        if (applies) {
          break;
        }
        i++;
        continue;
      }
      if (line.startsWith("hash-threshold")) {
        hashThreshold = Integer.parseInt(line.split("\\s+")[1]);
        i++;
        continue;
      }
      String[] header = line.split("\\s+");
      i++;
      StringBuilder sql = new StringBuilder();
      while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals("----")) {
        sql.append(sql.isEmpty() ? "" : "\n").append(lines.get(i++));
      }
      List<String> results = new ArrayList<>();
      if (i < lines.size() && lines.get(i).equals("----")) {
        i++;
        while (i < lines.size() && !lines.get(i).isBlank()) {
          results.add(lines.get(i++));
        }
      }
      if (!applies) {
        continue;
      }
      switch (header[0]) {
        case "statement" -> records.add(new SltRecord.Statement(start, sql.toString(), header[1].equals("error")));
        case "query" -> records.add(query(start, sql.toString(), header, results));
        default -> throw new IllegalArgumentException(name + ":" + start + ": unknown record '" + line + "'");
      }
    }
    return new SltScript(name, List.copyOf(records), hashThreshold);
  }

  /** The script with every statement and every {@code n}th query only: a sample of a long file. */
  SltScript everyNthQuery(int n) {
    List<SltRecord> kept = new ArrayList<>();
    int queries = 0;
    for (SltRecord record : records) {
      if (!(record instanceof SltRecord.Query) || queries++ % n == 0) {
        kept.add(record);
      }
    }
    return new SltScript(name, List.copyOf(kept), hashThreshold);
  }

  private static SltRecord.Query query(int line, String sql, String[] header, List<String> results) {
    SltRecord.SortMode sort = header.length > 2 ? SltRecord.SortMode.valueOf(header[2].toUpperCase(java.util.Locale.ROOT))
        : SltRecord.SortMode.NOSORT;
    Matcher hashed = results.size() == 1 ? HASHED.matcher(results.get(0)) : null;
    if (hashed != null && hashed.matches()) {
      return new SltRecord.Query(line, sql, header[1], sort, List.of(), Integer.parseInt(hashed.group(1)),
          hashed.group(2));
    }
    // Values are one per line, or (in some files) a row per line separated by spaces... not in this corpus.
    return new SltRecord.Query(line, sql, header[1], sort, List.copyOf(results), results.size(), null);
  }
}
