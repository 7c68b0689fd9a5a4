namespace TsqlModel;

/// <summary>Runs each mutant against its database's model (first engine version) and counts those the gate catches.</summary>
public static class Mutation
{
    public static int Run(Func<string, IReadOnlyList<Batch>> read)
    {
        int caught = 0, total = 0;
        foreach (var database in Databases.All)
        {
            var mutants = Mutants.All.Where(m => m.Database == database.Name).ToList();
            if (mutants.Count == 0) continue;
            using var gate = new Gate(database, database.Versions[0], read);
            var baseline = gate.Validate().Where(f => f.AllowedBy is null && f.Severity != "Message").ToList();
            if (baseline.Count > 0)
            {
                baseline.ForEach(f => Console.WriteLine(f));
                Console.WriteLine($"tsql-model mutants: {database.Name} fails before mutation; fix the gate's findings first");
                return 1;
            }
            foreach (var mutant in mutants)
            {
                total++;
                var batch = gate.Batches.SingleOrDefault(b => b.File.EndsWith("/" + mutant.File, StringComparison.Ordinal) && b.Label == mutant.Label);
                var mutated = batch is null ? null : SqlText.MutateColumn(batch.Sql, mutant.Column, Mutants.Suffix);
                if (batch is null || mutated is null)
                {
                    Console.WriteLine($"MISSING  {mutant.Kind}: no '{mutant.Column}' in {mutant.File} ({mutant.Label}); update Mutants.cs");
                    continue;
                }
                var first = gate.ValidateWith(batch, mutated).FirstOrDefault(f => f.AllowedBy is null && f.Severity != "Message");
                if (first is null)
                {
                    Console.WriteLine($"SURVIVED {mutant.Kind}: {mutant.Column} -> {mutant.Column}{Mutants.Suffix} in {batch.Where}");
                    continue;
                }
                caught++;
                Console.WriteLine($"caught   {mutant.Kind}: {mutant.Column}{Mutants.Suffix} -> {first.Severity} {first.Code}");
            }
        }
        Console.WriteLine($"tsql-model mutants: {caught}/{total} caught");
        return caught == total && total > 0 ? 0 : 1;
    }
}
