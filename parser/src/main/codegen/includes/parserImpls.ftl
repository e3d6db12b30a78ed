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

SqlNodeList FaiscaColumnList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    FaiscaColumn(list)
    ( <COMMA> FaiscaColumn(list) )*
    <RPAREN> {
        return new SqlNodeList(list, s.end(this));
    }
}

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
