// tsql-parse: parse T-SQL snapshot files with Microsoft's own parser (ScriptDom, SQL Server 2022 grammar).
//
// Usage: tsql-parse [--expect-errors] PATH...
//   PATH            a .sql file, or a directory (all *.sql below it, recursively)
//   --expect-errors self-check mode: every file must produce at least one parse error
//                   (used to prove the parser rejects the fixtures/invalid traps)
//
// Output: one "file:line:col: message" line per parse error, then
//   "tsql-parse: N files, M batches, K statements, E errors".
// Exit codes: 0 ok; 1 parse errors (or, with --expect-errors, a file that parsed cleanly);
//   2 usage error (no paths, a missing path, or no .sql files found).

using Microsoft.SqlServer.TransactSql.ScriptDom;

var expectErrors = false;
var paths = new List<string>();
foreach (var arg in args)
{
    if (arg == "--expect-errors") expectErrors = true;
    else if (arg is "-h" or "--help")
    {
        Console.WriteLine("usage: tsql-parse [--expect-errors] PATH...");
        return 0;
    }
    else if (arg.StartsWith("--", StringComparison.Ordinal))
    {
        Console.Error.WriteLine($"tsql-parse: unknown option {arg}");
        return 2;
    }
    else paths.Add(arg);
}

if (paths.Count == 0)
{
    Console.Error.WriteLine("tsql-parse: no files given (usage: tsql-parse [--expect-errors] PATH...)");
    return 2;
}

var files = new List<string>();
foreach (var p in paths)
{
    if (Directory.Exists(p))
    {
        files.AddRange(Directory
            .EnumerateFiles(p, "*.sql", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive })
            .Order(StringComparer.Ordinal));
    }
    else if (File.Exists(p))
    {
        files.Add(p);
    }
    else
    {
        Console.Error.WriteLine($"tsql-parse: {p}: no such file or directory");
        return 2;
    }
}

if (files.Count == 0)
{
    Console.Error.WriteLine($"tsql-parse: no .sql files found in: {string.Join(", ", paths)}");
    return 2;
}

int batches = 0, statements = 0, errors = 0;
var unexpectedlyClean = new List<string>();

foreach (var file in files)
{
    var parser = new TSql160Parser(initialQuotedIdentifiers: true);
    IList<ParseError> parseErrors;
    TSqlFragment? fragment;
    using (var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true))
    {
        fragment = parser.Parse(reader, out parseErrors);
    }

    var fileErrors = parseErrors.Select(e => (e.Line, e.Column, Message: $"{e.Message} [SQL{e.Number}]")).ToList();

    var fileStatements = 0;
    if (fragment is TSqlScript script)
    {
        batches += script.Batches.Count;
        fileStatements = script.Batches.Sum(b => b.Statements.Count);
        statements += fileStatements;
    }

    // A snapshot file that contains nothing to parse is a mistake, not a pass.
    if (fileErrors.Count == 0 && fileStatements == 0)
        fileErrors.Add((1, 1, "file contains no T-SQL statements"));

    foreach (var (line, col, message) in fileErrors)
        Console.WriteLine($"{file}:{line}:{col}: {message}");

    errors += fileErrors.Count;
    if (fileErrors.Count == 0) unexpectedlyClean.Add(file);
}

Console.WriteLine($"tsql-parse: {files.Count} files, {batches} batches, {statements} statements, {errors} errors");

if (expectErrors)
{
    foreach (var f in unexpectedlyClean)
        Console.WriteLine($"{f}: expected parse errors, but it parsed cleanly");
    return unexpectedlyClean.Count > 0 ? 1 : 0;
}
return errors > 0 ? 1 : 0;
