using System.Text.RegularExpressions;

namespace TsqlModel;

/// <summary>One batch of a snapshot file: `-- label`, `-- parameters: N`, the statement, `GO`.</summary>
public sealed record Batch(string File, int Line, string Label, int Parameters, string Sql)
{
    public string Where => $"{File}:{Line} ({Label})";
}

public static partial class Snapshot
{
    [GeneratedRegex(@"^-- parameters: (\d+)$")]
    private static partial Regex ParametersLine();

    /// <summary>The batches of one snapshot file, in order; a file with none is an error, not a pass.</summary>
    public static IReadOnlyList<Batch> Read(string path, string displayName)
    {
        var batches = new List<Batch>();
        string? label = null;
        var parameters = 0;
        var code = new List<string>();
        var firstLine = 0;
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.TrimEnd();
            if (line == "GO")
            {
                if (code.Count > 0)
                    batches.Add(new Batch(displayName, firstLine, label ?? "(unlabelled)", parameters, string.Join('\n', code)));
                (label, parameters, code) = (null, 0, new List<string>());
            }
            else if (code.Count == 0 && line.StartsWith("--", StringComparison.Ordinal))
            {
                if (ParametersLine().Match(line) is { Success: true } m) parameters = int.Parse(m.Groups[1].Value);
                else label ??= line[2..].Trim();
            }
            else if (code.Count > 0 || line.Length > 0)
            {
                if (code.Count == 0) firstLine = lineNo;
                code.Add(raw);
            }
        }
        if (code.Count > 0) throw new InvalidDataException($"{displayName}:{firstLine}: batch not ended by GO");
        if (batches.Count == 0) throw new InvalidDataException($"{displayName}: no statements");
        return batches;
    }
}
