<#--
  Faísca's grammar extensions: DDL for managed tables and INSERT OVERWRITE.
  The nodes are Calcite's own (org.apache.calcite.sql.ddl) where Calcite has
  one, Faísca's (io.faisca.parser.ddl) for the clauses it adds; Faísca's
  runtime executes them.
-->

boolean FaiscaIfNotExists() :
{
}
{
    <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean FaiscaIfExists() :
{
}
{
    <IF> <EXISTS> { return true; }
|
    { return false; }
}

/** The columns of CREATE TABLE, with key constraints among them as Calcite's server grammar has them. */
SqlNodeList FaiscaColumnList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    FaiscaTableElement(list)
    ( <COMMA> FaiscaTableElement(list) )*
    <RPAREN> {
        return new SqlNodeList(list, s.end(this));
    }
}

void FaiscaTableElement(List<SqlNode> list) :
{
    SqlIdentifier name = null;
    final SqlNodeList columns;
    final Span s = Span.of();
}
{
    FaiscaColumnWithConstraints(list)
|
    [ <CONSTRAINT> { s.add(this); } name = SimpleIdentifier() ]
    (
        <PRIMARY> { s.add(this); } <KEY> columns = ParenthesizedSimpleIdentifierList() {
            list.add(SqlDdlNodes.primary(s.end(columns), name, columns));
        }
    |
        <UNIQUE> { s.add(this); } columns = ParenthesizedSimpleIdentifierList() {
            list.add(SqlDdlNodes.unique(s.end(columns), name, columns));
        }
    )
}

/** A column of CREATE TABLE: [CONSTRAINT name] NOT NULL, NULL, PRIMARY KEY or UNIQUE may follow its type. */
void FaiscaColumnWithConstraints(List<SqlNode> list) :
{
    final SqlIdentifier id;
    final SqlDataTypeSpec type;
    boolean nullable = true;
    SqlIdentifier name = null;
    final List<SqlNode> constraints = new ArrayList<SqlNode>();
    final Span s = Span.of();
}
{
    id = SimpleIdentifier()
    type = DataType()
    (
        [ <CONSTRAINT> name = SimpleIdentifier() ]
        (
            <NOT> <NULL> { nullable = false; }
        |
            <NULL> { nullable = true; }
        |
            <PRIMARY> <KEY> {
                nullable = false;
                constraints.add(SqlDdlNodes.primary(getPos(), name, new SqlNodeList(List.of(id), id.getParserPosition())));
            }
        |
            <UNIQUE> {
                constraints.add(SqlDdlNodes.unique(getPos(), name, new SqlNodeList(List.of(id), id.getParserPosition())));
            }
        )
        { name = null; }
    )*
    {
        list.add(SqlDdlNodes.column(s.add(id).end(this), id, type.withNullable(nullable), null,
            nullable ? ColumnStrategy.NULLABLE : ColumnStrategy.NOT_NULLABLE));
        list.addAll(constraints);
    }
}

/** A column ALTER TABLE ... ADD COLUMN adds: a name, a type, and NULL or NOT NULL. */
void FaiscaColumn(List<SqlNode> list) :
{
    final SqlIdentifier id;
    final SqlDataTypeSpec type;
    final boolean nullable;
    final Span s = Span.of();
}
{
    id = SimpleIdentifier()
    type = DataType()
    nullable = NullableOptDefaultTrue()
    {
        list.add(SqlDdlNodes.column(s.add(id).end(this), id, type.withNullable(nullable), null,
            nullable ? ColumnStrategy.NULLABLE : ColumnStrategy.NOT_NULLABLE));
    }
}

SqlCreate FaiscaCreateTable(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
    SqlNodeList columns = null;
    SqlNodeList partitionBy = SqlNodeList.EMPTY;
    SqlIdentifier storedAs = null;
    SqlNode location = null;
    SqlNodeList properties = SqlNodeList.EMPTY;
    SqlNode query = null;
}
{
    <TABLE> ifNotExists = FaiscaIfNotExists() id = CompoundIdentifier()
    [ columns = FaiscaColumnList() ]
    [ <PARTITIONED> <BY> partitionBy = FaiscaPartitionList() ]
    [ <STORED> <AS> storedAs = SimpleIdentifier() ]
    [ <LOCATION> location = StringLiteral() ]
    [ <WITH> properties = ParenthesizedKeyValueOptionCommaList() ]
    [ <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) ]
    {
        return new SqlCreateManagedTable(s.end(this), replace, ifNotExists, id, columns, partitionBy, storedAs,
            location, properties, query);
    }
}

SqlNodeList FaiscaPartitionList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlNode item;
}
{
    <LPAREN> { s = span(); }
    item = FaiscaPartitionItem() { list.add(item); }
    ( <COMMA> item = FaiscaPartitionItem() { list.add(item); } )*
    <RPAREN> {
        return new SqlNodeList(list, s.end(this));
    }
}

/** A column, or a transform of one: year(ts), bucket(16, id), truncate(10, name)... */
SqlNode FaiscaPartitionItem() :
{
    final SqlIdentifier name;
    SqlNodeList arguments = null;
}
{
    (
        <TRUNCATE> { name = new SqlIdentifier(token.image, getPos()); }
        arguments = FaiscaTransformArguments()
    |
        name = SimpleIdentifier()
        [ arguments = FaiscaTransformArguments() ]
    )
    {
        return arguments == null ? name
            : new SqlPartitionTransform(name.getParserPosition().plus(arguments.getParserPosition()), name,
                arguments);
    }
}

SqlNodeList FaiscaTransformArguments() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlNode argument;
}
{
    <LPAREN> { s = span(); }
    argument = FaiscaTransformArgument() { list.add(argument); }
    ( <COMMA> argument = FaiscaTransformArgument() { list.add(argument); } )*
    <RPAREN> {
        return new SqlNodeList(list, s.end(this));
    }
}

SqlNode FaiscaTransformArgument() :
{
    final SqlNode argument;
}
{
    (
        argument = SimpleIdentifier()
    |
        argument = NumericLiteral()
    )
    { return argument; }
}

/** INSERT OVERWRITE [TABLE] t [(columns)] query: replaces the rows (or partitions) the query writes. */
SqlNode FaiscaInsertOverwrite() :
{
    final Span s;
    final SqlIdentifier table;
    SqlNodeList columns = null;
    final SqlNode source;
}
{
    <INSERT> { s = span(); } <OVERWRITE> [ <TABLE> ] table = CompoundTableIdentifier()
    [ LOOKAHEAD(2) columns = ParenthesizedSimpleIdentifierList() ]
    source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
        return new SqlInsertOverwrite(s.end(source), table, source, columns);
    }
}

SqlDrop FaiscaDropTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
}
{
    <TABLE> ifExists = FaiscaIfExists() id = CompoundIdentifier()
    {
        return SqlDdlNodes.dropTable(s.end(this), ifExists, id);
    }
}

/**
 * CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (column [ASC | DESC], ...): recorded with the
 * table, for the SQL of other databases to run unchanged; no index is built.
 */
SqlCreate FaiscaCreateIndex(Span s, boolean replace) :
{
    boolean unique = false;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlIdentifier table;
    final Span columnsSpan;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
}
{
    [ <UNIQUE> { unique = true; } ] <INDEX> ifNotExists = FaiscaIfNotExists() name = SimpleIdentifier()
    <ON> table = CompoundIdentifier()
    <LPAREN> { columnsSpan = span(); }
    FaiscaIndexColumn(columns) ( <COMMA> FaiscaIndexColumn(columns) )*
    <RPAREN> {
        return new SqlCreateIndex(s.end(this), replace, ifNotExists, unique, name, table,
            new SqlNodeList(columns, columnsSpan.end(this)));
    }
}

void FaiscaIndexColumn(List<SqlNode> list) :
{
    final SqlIdentifier column;
}
{
    column = SimpleIdentifier()
    (
        <DESC> { list.add(SqlStdOperatorTable.DESC.createCall(getPos(), column)); }
    |
        [ <ASC> ] { list.add(column); }
    )
}

SqlDrop FaiscaDropIndex(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <INDEX> ifExists = FaiscaIfExists() name = CompoundIdentifier()
    {
        return new SqlDropIndex(s.end(this), ifExists, name);
    }
}

/** EXECUTE procedure(name => literal, ...) after ALTER TABLE t, in Trino's syntax. */
SqlNode FaiscaTableProcedure(Span s, SqlIdentifier table) :
{
    final SqlIdentifier procedure;
    final List<SqlNode> arguments = new ArrayList<SqlNode>();
}
{
    <EXECUTE> procedure = SimpleIdentifier()
    <LPAREN>
    [ FaiscaProcedureArgument(arguments) ( <COMMA> FaiscaProcedureArgument(arguments) )* ]
    <RPAREN> {
        return new SqlAlterTableExecute(s.end(this), table, procedure, new SqlNodeList(arguments, s.end(this)));
    }
}

void FaiscaProcedureArgument(List<SqlNode> list) :
{
    final SqlIdentifier name;
    final SqlNode value;
}
{
    name = SimpleIdentifier() <NAMED_ARGUMENT_ASSIGNMENT> value = Literal() {
        list.add(new SqlProcedureArgument(name.getParserPosition(), name, (SqlLiteral) value));
    }
}
