using System.Diagnostics;

namespace TsqlModel;

/// <summary>The gate: every database on every engine version it targets; any finding not allowlisted fails it.</summary>
public static class Check
{
    public static int Run(Func<string, IReadOnlyList<Batch>> read)
    {
        int statements = 0, checks = 0, models = 0, failures = 0, allowlisted = 0;
        var used = new HashSet<AllowedWarning>();
        foreach (var database in Databases.All)
        {
            foreach (var version in database.Versions)
            {
                var clock = Stopwatch.StartNew();
                using var gate = new Gate(database, version, read);
                var findings = gate.Validate();
                var bad = findings.Where(f => f.AllowedBy is null && f.Severity != "Message").ToList();
                var ok = findings.Where(f => f.AllowedBy is not null).ToList();
                bad.ForEach(f => Console.WriteLine(f));
                used.UnionWith(ok.Select(f => f.AllowedBy!));
                checks += gate.Batches.Count;
                models++;
                if (version == database.Versions[0]) statements += gate.Batches.Count;
                failures += bad.Count;
                allowlisted += ok.Count;
                Console.WriteLine($"tsql-model: {database.Name} on {version}: {gate.Batches.Count} statements, " +
                    $"{bad.Count(f => f.Severity != "Warning")} errors, {bad.Count(f => f.Severity == "Warning")} warnings, " +
                    $"{ok.Count} warnings allowlisted ({clock.Elapsed.TotalSeconds:F1} s)");
            }
        }
        // An allowlist entry nothing needs any more would hide the next mistake of its kind: drop it.
        foreach (var stale in Databases.Allowlist.Except(used))
        {
            Console.WriteLine($"allowlist entry {stale.Code} /{stale.Message}/ matched nothing: remove it");
            failures++;
        }
        Console.WriteLine($"tsql-model: {statements} statements validated ({checks} checks on {models} models), " +
            $"{failures} failures, {allowlisted} warnings allowlisted");
        return failures > 0 ? 1 : 0;
    }
}
