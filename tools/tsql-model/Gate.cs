using System.Text.RegularExpressions;
using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;

namespace TsqlModel;

/// <summary>What the model said about one batch (Batch is null only when a message names no batch of ours).</summary>
public sealed record Finding(Batch? Batch, string Severity, string Code, string Message, AllowedWarning? AllowedBy)
{
    public override string ToString() => $"{Batch?.Where ?? "(model)"}: {Severity} {Code}: {Message}";
}

/// <summary>
/// One database's model: the schema DDL as objects, every snapshot statement as a procedure body,
/// each under its own source name so a message can be traced to its batch and a batch can be swapped.
/// </summary>
public sealed partial class Gate : IDisposable
{
    private readonly TSqlModel model;
    private readonly Dictionary<string, Batch> batchOf = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Batch, string> sourceOf = [];
    private readonly Dictionary<Batch, Func<string, string>> scriptFor = [];
    private readonly List<Finding> refused = [];
    // Each batch is judged on its own: one refused batch must not make every later one fail with it.
    private static readonly TSqlObjectOptions Options = new() { QuotedIdentifier = true, AnsiNulls = true, SkipExistingModelValidation = true };

    public Database Database { get; }
    public SqlServerVersion Version { get; }
    public IReadOnlyList<Batch> Batches => sourceOf.Keys.ToList();

    public Gate(Database database, SqlServerVersion version, Func<string, IReadOnlyList<Batch>> read)
    {
        Database = database;
        Version = version;
        model = new TSqlModel(version, new TSqlModelOptions { ChangeTrackingEnabled = database.ChangeTracking });
        foreach (var (stub, i) in (database.Stubs ?? []).Select((s, i) => (s, i)))
            model.AddOrUpdateObjects(stub, $"stub{i}", Options);

        // Migrations run in order: a later one may redefine a view (`create or alter view`). The model holds the
        // definition in force, so the later batch takes the earlier one's place; the earlier is no longer checked.
        var views = new Dictionary<string, Batch>(StringComparer.OrdinalIgnoreCase);
        foreach (var batch in database.SchemaFiles.SelectMany(read))
        {
            var view = SqlText.DefinedView(batch.Sql);
            if (view is not null && views.TryGetValue(view, out var earlier)) Supersede(earlier, batch);
            else Add(batch, SchemaScript);
            if (view is not null) views[view] = batch;
        }

        var statements = database.StatementFiles.SelectMany(read).ToList();
        // Temp tables first, as real tables, so every statement that uses one binds to its columns.
        foreach (var batch in statements.Where(b => SqlText.CreatedTable(b.Sql) is { } t && t.StartsWith('#')))
            Add(batch, sql => SqlText.RenameTempTables(sql));
        foreach (var batch in statements.Where(b => !sourceOf.ContainsKey(b)))
        {
            var name = $"q{sourceOf.Count:D4}";
            Add(batch, sql => SqlText.AsProcedure(name, SqlText.RenameTempTables(sql), batch.Parameters), name);
        }
    }

    /// <summary>Schema DDL as written; on a change-tracked database each table also gets change tracking, in the same script.</summary>
    private string SchemaScript(string sql) =>
        Database.ChangeTracking && SqlText.CreatedTable(sql) is { } table
            ? $"{sql}\nGO\nalter table [{table}] enable change_tracking"
            : sql;

    private void Add(Batch batch, Func<string, string> script, string? source = null)
    {
        source ??= $"s{sourceOf.Count:D4}";
        batchOf[source] = batch;
        sourceOf[batch] = source;
        scriptFor[batch] = script;
        if (Put(batch, batch.Sql) is { } error) refused.Add(error);
    }

    /// <summary>`later` replaces `earlier` in the model, under the same source name, so the object is defined once.</summary>
    private void Supersede(Batch earlier, Batch later)
    {
        var source = sourceOf[earlier];
        sourceOf.Remove(earlier);
        scriptFor.Remove(earlier);
        refused.RemoveAll(f => f.Batch == earlier);
        batchOf[source] = later;
        sourceOf[later] = source;
        scriptFor[later] = SqlText.AsCreateView;
        if (Put(later, later.Sql) is { } error) refused.Add(error);
    }

    /// <summary>Adds or replaces the batch's objects; a refusal (parse or model error) is returned, not thrown.</summary>
    private Finding? Put(Batch batch, string sql)
    {
        try
        {
            model.AddOrUpdateObjects(scriptFor[batch](sql), sourceOf[batch], Options);
            return null;
        }
        catch (Exception e) when (e is DacModelException or InvalidDataException)
        {
            var detail = e is DacModelException dme && dme.Messages.Any()
                ? string.Join("; ", dme.Messages.Select(m => $"{m.Prefix}{m.Number}: {m.Message}"))
                : e.Message;
            return new Finding(batch, "Refused", "ADD", detail, null);
        }
    }

    [GeneratedRegex(@"^Error validating element (?<element>.+?): (?<text>.*)$", RegexOptions.Singleline)]
    private static partial Regex ElementMessage();

    /// <summary>Every refusal, model error and validation message, each traced to its batch and checked against the allowlist.</summary>
    public IReadOnlyList<Finding> Validate()
    {
        var findings = new List<Finding>(refused);
        findings.AddRange(model.GetModelErrors().Select(e =>
            new Finding(batchOf.GetValueOrDefault(e.SourceName ?? ""), "Error", $"{e.Prefix}{e.ErrorCode}", e.Message, null)));
        var sources = SourcesByElement();
        foreach (var m in model.Validate())
        {
            var code = $"{m.Prefix}{m.Number}";
            var parsed = ElementMessage().Match(m.Message);
            var text = parsed.Success ? parsed.Groups["text"].Value.Trim() : m.Message;
            var batch = parsed.Success ? BatchOfElement(parsed.Groups["element"].Value, sources) : null;
            var allowed = m.MessageType == DacMessageType.Warning
                ? Databases.Allowlist.FirstOrDefault(a => a.Code == code && a.Message.IsMatch(text))
                : null;
            findings.Add(new Finding(batch, m.MessageType.ToString(), code, text, allowed));
        }
        return findings;
    }

    /// <summary>Validates with one batch replaced by other text, then puts the original back.</summary>
    public IReadOnlyList<Finding> ValidateWith(Batch batch, string sql)
    {
        var refusedNow = Put(batch, sql);
        try
        {
            var findings = Validate().ToList();
            if (refusedNow is not null) findings.Add(refusedNow);
            return findings;
        }
        finally
        {
            Put(batch, batch.Sql);
        }
    }

    private Dictionary<string, string> SourcesByElement()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in model.GetObjects(DacQueryScopes.UserDefined))
            if (o.GetSourceInformation()?.SourceName is { } source)
                map[o.Name.ToString()] = source;
        return map;
    }

    private Batch? BatchOfElement(string element, Dictionary<string, string> sources)
    {
        // An element may be a part of an object ([dbo].[view].[column]): take the longest known prefix.
        for (var name = element; name.Length > 0; name = name.LastIndexOf("].[", StringComparison.Ordinal) is var i and > 0 ? name[..(i + 1)] : "")
            if (sources.TryGetValue(name, out var source) && batchOf.TryGetValue(source, out var batch))
                return batch;
        return null;
    }

    public void Dispose() => model.Dispose();
}
