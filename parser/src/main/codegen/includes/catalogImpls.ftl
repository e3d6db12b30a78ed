<#--
  Faísca's grammar extensions for the catalog: schemas, views, ALTER TABLE
  and the statements that describe what the catalog holds (SHOW, DESCRIBE is
  Calcite's own).
-->

<#-- A schema's name; DEFAULT is a reserved word, but the name of the default schema. -->
SqlIdentifier FaiscaSchemaName() :
{
    final SqlIdentifier id;
}
{
    <DEFAULT_> { return new SqlIdentifier(token.image, getPos()); }
|
    id = SimpleIdentifier() { return id; }
}

SqlCreate FaiscaCreateSchema(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
}
{
    <SCHEMA> ifNotExists = FaiscaIfNotExists() id = FaiscaSchemaName()
    {
        return SqlDdlNodes.createSchema(s.end(this), replace, ifNotExists, id);
    }
}

SqlDrop FaiscaDropSchema(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
    boolean cascade = false;
}
{
    <SCHEMA> ifExists = FaiscaIfExists() id = FaiscaSchemaName()
    [
        <CASCADE> { cascade = true; }
    |
        <RESTRICT> { cascade = false; }
    ]
    {
        return new SqlDropSchema(s.end(this), ifExists, id, cascade);
    }
}

SqlCreate FaiscaCreateView(Span s, boolean replace) :
{
    final SqlIdentifier id;
    SqlNodeList columns = null;
    final Token first;
    final SqlNode query;
}
{
    <VIEW> id = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    <AS> { first = getToken(1); }
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreateView(s.end(this), replace, id, columns, query,
            new SqlParserPos(first.beginLine, first.beginColumn).plus(getPos()));
    }
}

SqlDrop FaiscaDropView(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
}
{
    <VIEW> ifExists = FaiscaIfExists() id = CompoundIdentifier()
    {
        return SqlDdlNodes.dropView(s.end(this), ifExists, id);
    }
}

SqlNode FaiscaShow() :
{
    final Span s;
    SqlIdentifier id = null;
}
{
    <SHOW> { s = span(); }
    (
        <SCHEMAS> { return new SqlShowSchemas(s.end(this)); }
    |
        <TABLES> [ ( <FROM> | <IN> ) id = FaiscaSchemaName() ]
        { return new SqlShowTables(s.end(this), id); }
    |
        <CREATE> ( <TABLE> | <VIEW> ) id = CompoundIdentifier()
        { return new SqlShowCreateTable(s.end(this), id); }
    )
}

SqlNode FaiscaAlterTable() :
{
    final Span s;
    final SqlIdentifier table;
    final SqlAlterTable.Change change;
    final SqlNode statement;
}
{
    <ALTER> { s = span(); } <TABLE> table = CompoundIdentifier()
    (
        change = FaiscaTableChange() { return new SqlAlterTable(s.end(this), table, change); }
    |
        statement = FaiscaTableProcedure(s, table) { return statement; }
    )
}

SqlAlterTable.Change FaiscaTableChange() :
{
    final List<SqlNode> added = new ArrayList<SqlNode>();
    final SqlIdentifier column;
    final SqlIdentifier target;
    final SqlDataTypeSpec type;
}
{
    <ADD> [ <COLUMN> ] FaiscaColumn(added)
    { return new SqlAlterTable.AddColumn((SqlColumnDeclaration) added.get(0)); }
|
    <DROP> [ <COLUMN> ] column = SimpleIdentifier()
    { return new SqlAlterTable.DropColumn(column); }
|
    <RENAME>
    (
        <COLUMN> column = SimpleIdentifier() <TO> target = SimpleIdentifier()
        { return new SqlAlterTable.RenameColumn(column, target); }
    |
        <TO> target = CompoundIdentifier()
        { return new SqlAlterTable.RenameTable(target); }
    )
|
    <ALTER> [ <COLUMN> ] column = SimpleIdentifier() [ <SET> <DATA> ] <TYPE> type = DataType()
    { return new SqlAlterTable.AlterColumnType(column, type); }
}
