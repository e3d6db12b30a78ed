package io.faisca.parser.ddl;

import static java.util.Objects.requireNonNull;

import io.faisca.catalog.PartitionField;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code CREATE TABLE} of a managed table, with the clauses Faísca adds to
 * Calcite's: {@code PARTITIONED BY (column | transform(column), ...)},
 * {@code STORED AS format}, {@code LOCATION 'uri'} and
 * {@code WITH ('key' = 'value', ...)}, in Spark's order, before the optional
 * {@code AS query}.
 */
public final class SqlCreateManagedTable extends SqlCreateTable {
  private final SqlNodeList partitionBy;
  private final @Nullable SqlIdentifier storedAs;
  private final @Nullable SqlNode location;
  /** Keys and values in turn, as Calcite's key-value option list parses them. */
  private final SqlNodeList properties;

  public SqlCreateManagedTable(SqlParserPos pos, boolean replace, boolean ifNotExists, SqlIdentifier name,
      @Nullable SqlNodeList columnList, SqlNodeList partitionBy, @Nullable SqlIdentifier storedAs,
      @Nullable SqlNode location, SqlNodeList properties, @Nullable SqlNode query) {
    super(pos, replace, ifNotExists, name, columnList, query);
    this.partitionBy = requireNonNull(partitionBy, "partitionBy");
    this.storedAs = storedAs;
    this.location = location;
    this.properties = requireNonNull(properties, "properties");
  }

  /** The items of {@code PARTITIONED BY}, in order; empty for an unpartitioned table. */
  public List<PartitionField> partitioning() {
    List<PartitionField> fields = new ArrayList<>();
    for (SqlNode item : partitionBy) {
      fields.add(item instanceof SqlPartitionTransform transform ? transform.field()
          : PartitionField.identity(((SqlIdentifier) item).getSimple()));
    }
    return List.copyOf(fields);
  }

  /** The format {@code STORED AS} names, if the statement has one. */
  public Optional<String> storedAs() {
    return Optional.ofNullable(storedAs).map(SqlIdentifier::getSimple);
  }

  /** The directory {@code LOCATION} names, as written, if the statement has one. */
  public Optional<String> location() {
    return Optional.ofNullable(location).map(SqlCreateManagedTable::text);
  }

  /** The {@code WITH} properties, in order; a key given twice is an error. */
  public Map<String, String> properties() {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < properties.size(); i += 2) {
      String key = text(properties.get(i));
      if (map.put(key, text(properties.get(i + 1))) != null) {
        throw new FaiscaException(ErrorCode.INVALID_QUERY, "Table property '" + key + "' is given twice");
      }
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  private static String text(SqlNode node) {
    return node instanceof SqlIdentifier id ? id.getSimple() : ((SqlLiteral) node).getValueAs(String.class);
  }

  @Override public List<SqlNode> getOperandList() {
    return Arrays.asList(name, columnList, partitionBy, storedAs, location, properties, query);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (getReplace()) {
      writer.keyword("OR REPLACE");
    }
    writer.keyword("TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    if (columnList != null) {
      list(writer, columnList);
    }
    if (!partitionBy.isEmpty()) {
      writer.keyword("PARTITIONED BY");
      list(writer, partitionBy);
    }
    if (storedAs != null) {
      writer.keyword("STORED AS");
      storedAs.unparse(writer, 0, 0);
    }
    if (location != null) {
      writer.keyword("LOCATION");
      location.unparse(writer, 0, 0);
    }
    if (!properties.isEmpty()) {
      writer.keyword("WITH");
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (int i = 0; i < properties.size(); i += 2) {
        writer.sep(",");
        properties.get(i).unparse(writer, 0, 0);
        writer.keyword("=");
        properties.get(i + 1).unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    if (query != null) {
      writer.keyword("AS");
      writer.newlineAndIndent();
      query.unparse(writer, 0, 0);
    }
  }

  private static void list(SqlWriter writer, SqlNodeList items) {
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode item : items) {
      writer.sep(",");
      item.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
