// tsql-model: binds every T-SQL snapshot statement to its database's schema with Microsoft's database model
// (DacFx TSqlModel), which reports what a parser cannot: unknown tables and columns, ambiguous references,
// wrong procedure parameters.
//
// Usage: tsql-model [--mutants] DIR     (the `__snapshots__/*.sql` files anywhere below DIR)
//   default     build each database's model (per engine version), fail on any refusal, error, or warning
//               not on the allowlist (Databases.cs)
//   --mutants   self-check: every mutant in Mutants.cs must make the gate fail
// Exit codes: 0 pass; 1 findings (or a mutant that survived); 2 usage or snapshot/config mismatch.

using Microsoft.SqlServer.Dac.Model;
using TsqlModel;

var mutate = args.Contains("--mutants");
var paths = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
if (paths.Count != 1 || !Directory.Exists(paths[0]))
{
    Console.Error.WriteLine("usage: tsql-model [--mutants] DIR");
    return 2;
}
var dir = paths[0];

// Snapshots sit in `__snapshots__` beside the tests that write them, anywhere below the directory. Every
// snapshot file belongs to exactly one database, so a new file cannot slip past the gate.
var found = Directory.EnumerateFiles(dir, "*.sql", SearchOption.AllDirectories)
    .Where(path => Path.GetFileName(Path.GetDirectoryName(path)) == "__snapshots__")
    .GroupBy(path => Path.GetFileName(path))
    .ToList();
var snapshotPaths = found.ToDictionary(g => g.Key, g => g.First());
var onDisk = snapshotPaths.Keys.ToHashSet();
var assigned = Databases.All.SelectMany(d => d.SchemaFiles.Concat(d.StatementFiles)).ToList();
var problems = onDisk.Except(assigned).Select(f => $"{f}: not assigned to a database in Databases.cs")
    .Concat(assigned.Except(onDisk).Select(f => $"{f}: assigned in Databases.cs but not under {dir}"))
    .Concat(assigned.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => $"{g.Key}: assigned twice"))
    .Concat(found.Where(g => g.Count() > 1).Select(g => $"{g.Key}: more than one snapshot of that name under {dir}"))
    .ToList();
if (problems.Count > 0)
{
    problems.ForEach(p => Console.Error.WriteLine($"tsql-model: {p}"));
    return 2;
}

var cache = new Dictionary<string, IReadOnlyList<Batch>>();
IReadOnlyList<Batch> Read(string file) =>
    cache.TryGetValue(file, out var b) ? b : cache[file] = Snapshot.Read(snapshotPaths[file], snapshotPaths[file]);

return mutate ? Mutation.Run(Read) : Check.Run(Read);
