package io.faisca.parser;

import io.faisca.parser.impl.FaiscaSqlParserImpl;
import java.io.StringReader;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;

/** Names written back as SQL, in statements Faísca generates for users to run (SHOW CREATE TABLE). */
public final class Identifiers {
  private static final Pattern BARE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final SqlAbstractParserImpl.Metadata KEYWORDS =
      new FaiscaSqlParserImpl(new StringReader("")).getMetadata();

  private Identifiers() {
  }

  /**
   * The name as the dialect reads it back exactly: bare where it can be (unquoted names keep their
   * case), in double quotes when it has other characters or is a reserved word.
   */
  public static String sql(String name) {
    if (BARE.matcher(name).matches() && !KEYWORDS.isReservedWord(name.toUpperCase(Locale.ROOT))) {
      return name;
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
