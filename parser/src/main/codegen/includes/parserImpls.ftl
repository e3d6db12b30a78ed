<#--
  Faísca's grammar extensions: DDL for managed tables. The nodes are
  Calcite's own (org.apache.calcite.sql.ddl); Faísca's runtime executes them.
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
    SqlNode query = null;
}
{
    <TABLE> ifNotExists = FaiscaIfNotExists() id = CompoundIdentifier()
    [ columns = FaiscaColumnList() ]
    [ <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) ]
    {
        return SqlDdlNodes.createTable(s.end(this), replace, ifNotExists, id, columns, query);
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
