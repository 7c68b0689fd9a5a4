using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace TsqlModel;

/// <summary>Text rewrites done on ScriptDom's tokens and tree, never on raw strings.</summary>
public static class SqlText
{
    /// <summary>
    /// `#name` becomes `temp_name`. A temp table gets deferred name resolution, which switches off
    /// checking of every statement that touches it; as a real table in the model it is checked fully.
    /// </summary>
    public const string TempPrefix = "temp_";

    public static string RenameTempTables(string sql)
    {
        var tokens = new TSql160Parser(initialQuotedIdentifiers: true).GetTokenStream(new StringReader(sql), out var errors);
        if (errors.Count > 0) throw new InvalidDataException($"does not tokenize: {errors[0].Message}");
        return string.Concat(tokens.Select(t => t.TokenType switch
        {
            TSqlTokenType.Identifier when t.Text.StartsWith('#') => TempPrefix + t.Text[1..],
            // With QUOTED_IDENTIFIER on, a double-quoted name is tokenized as AsciiStringOrQuotedIdentifier.
            TSqlTokenType.QuotedIdentifier or TSqlTokenType.AsciiStringOrQuotedIdentifier when t.Text.Length > 2 && t.Text[1] == '#'
                => $"{t.Text[0]}{TempPrefix}{t.Text[2..]}",
            _ => t.Text,
        }));
    }

    /// <summary>The name of the table a `create table` batch creates, or null for any other batch (or one that does not parse).</summary>
    public static string? CreatedTable(string sql) => FirstStatement<CreateTableStatement>(sql)?.SchemaObjectName.BaseIdentifier.Value;

    /// <summary>The name of the view a `create view`, `create or alter view` or `alter view` batch defines, or null for any other batch.</summary>
    public static string? DefinedView(string sql) => FirstStatement<ViewStatementBody>(sql)?.SchemaObjectName.BaseIdentifier.Value;

    private static T? FirstStatement<T>(string sql) where T : TSqlStatement
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        if (errors.Count > 0 || fragment is not TSqlScript script) return null;
        return script.Batches.SelectMany(b => b.Statements).OfType<T>().FirstOrDefault();
    }

    /// <summary>
    /// `create or alter view …` (or `alter view …`) as `create view …`: the model holds one definition per
    /// object, the one in force, and takes it as a create.
    /// </summary>
    public static string AsCreateView(string sql)
    {
        var tokens = new TSql160Parser(initialQuotedIdentifiers: true).GetTokenStream(new StringReader(sql), out var errors).ToList();
        if (errors.Count > 0) throw new InvalidDataException($"does not tokenize: {errors[0].Message}");
        var view = tokens.FindIndex(t => t.TokenType == TSqlTokenType.View);
        var alter = tokens.FindIndex(t => t.TokenType == TSqlTokenType.Alter);
        if (view < 0 || alter < 0 || alter > view) return sql;
        return "create " + string.Concat(tokens.Skip(view).Select(t => t.Text));
    }

    /// <summary>
    /// Renames the first column reference spelled `reference` (its identifiers joined by dots, e.g. `s.row_hash`)
    /// to a name no table has; null when the batch has no such reference.
    /// </summary>
    public static string? MutateColumn(string sql, string reference, string suffix)
    {
        var finder = new ColumnFinder(reference);
        Parse(sql).Accept(finder);
        if (finder.Found is not { } column) return null;
        var end = column.StartOffset + column.FragmentLength;
        var insertAt = column.QuoteType == QuoteType.NotQuoted ? end : end - 1;
        return sql[..insertAt] + suffix + sql[insertAt..];
    }

    /// <summary>A statement as the body of a procedure, its `@1..@N` parameters declared (the model needs them bound).</summary>
    public static string AsProcedure(string name, string sql, int parameters)
    {
        var declare = parameters == 0
            ? ""
            : $"declare {string.Join(", ", Enumerable.Range(1, parameters).Select(i => $"@{i} sql_variant"))};\n";
        return $"create procedure [dbo].[{name}] as\nbegin\n{declare}{sql}\nend";
    }

    private static TSqlScript Parse(string sql)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        if (errors.Count > 0) throw new InvalidDataException($"does not parse: {errors[0].Message}");
        return (TSqlScript)fragment;
    }

    private sealed class ColumnFinder(string reference) : TSqlFragmentVisitor
    {
        public Identifier? Found { get; private set; }

        public override void ExplicitVisit(ColumnReferenceExpression node)
        {
            var identifiers = node.MultiPartIdentifier?.Identifiers;
            if (Found is null && identifiers is { Count: > 0 }
                && string.Equals(string.Join('.', identifiers.Select(i => i.Value)), reference, StringComparison.OrdinalIgnoreCase))
                Found = identifiers[^1];
            base.ExplicitVisit(node);
        }
    }
}
