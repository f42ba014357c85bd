namespace Intelligence.Dashboards;

/// <summary>
/// What a panel's SQL is expanded for: the dashboard's time range, the bucket interval Grafana
/// would pick, and the template variables' selections (by variable name).
/// </summary>
public sealed record QueryContext(
    DateTimeOffset From,
    DateTimeOffset To,
    TimeSpan Interval,
    IReadOnlyDictionary<string, VariableSelection> Variables)
{
    /// <summary>About as many buckets as a full-width panel has points to draw.</summary>
    private const int DataPoints = 500;

    /// <summary>
    /// A context for a time range, with the interval Grafana would derive from it (range ÷ about
    /// 500 points, never under a minute: the KPI series are at minute grain).
    /// </summary>
    public static QueryContext For(DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<string, VariableSelection>? variables = null)
    {
        if (to <= from)
        {
            throw new ArgumentException($"The time range must end after it starts (from {from:O}, to {to:O}).", nameof(to));
        }

        var seconds = Math.Max(60, Math.Ceiling((to - from).TotalSeconds / DataPoints / 60) * 60);
        return new QueryContext(from, to, TimeSpan.FromSeconds(seconds), variables ?? new Dictionary<string, VariableSelection>());
    }
}

/// <summary>
/// The selection of one template variable. With <see cref="IsAll"/> ("All" chosen),
/// <see cref="Values"/> holds every option, as Grafana expands "All" when no custom all value is set.
/// </summary>
public sealed record VariableSelection(IReadOnlyList<string> Values, bool IsAll)
{
    public static VariableSelection All(IReadOnlyList<string> options) => new(options, IsAll: true);

    public static VariableSelection Of(params string[] values) => new(values, IsAll: false);
}
