namespace Intelligence.Deploy.Tests;

public enum CheckStatus
{
    /// <summary>The program reads the setting, or parses the command line.</summary>
    Known,

    /// <summary>Expected from the distributed roles' code (<see cref="Pending"/>), not there yet.</summary>
    Pending,

    /// <summary>Nothing reads it: a typo, or a setting, command or option that does not exist.</summary>
    Unknown,
}

/// <summary>What a check found for one variable or command line; the detail says why.</summary>
public sealed record CheckResult(string Subject, CheckStatus Status, string Detail);

/// <summary>Turns check results into a failure message that lists each problem with where it is.</summary>
public static class CheckReport
{
    /// <summary>Null when every result is known; otherwise the message, unknown ones first.</summary>
    public static string? Problems(IEnumerable<(CheckResult Result, string Origin)> results, string what)
    {
        var list = results.Where(r => r.Result.Status != CheckStatus.Known).ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var lines = new List<string>();
        var unknown = list.Where(r => r.Result.Status == CheckStatus.Unknown).ToList();
        if (unknown.Count > 0)
        {
            lines.Add($"{unknown.Select(r => r.Result.Subject).Distinct().Count()} {what} unknown to the code (a typo, or something the program does not read):");
            lines.AddRange(unknown.Select(r => $"  {r.Result.Subject}  [{r.Origin}]{Environment.NewLine}      {r.Result.Detail}"));
        }

        var pending = list.Where(r => r.Result.Status == CheckStatus.Pending).ToList();
        if (pending.Count > 0)
        {
            lines.Add($"{pending.Select(r => r.Result.Subject).Distinct().Count()} {what} expected from code not written yet (tests/Intelligence.Deploy.Tests/Pending.cs):");
            lines.AddRange(pending.GroupBy(r => r.Result.Subject).Select(g => $"  {g.Key}  [{string.Join("; ", g.Select(r => r.Origin).Distinct())}]"));
        }

        return string.Join(Environment.NewLine, lines);
    }
}
