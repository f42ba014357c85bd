namespace Intelligence.Distributed;

/// <summary>Where a long-running role serves <c>/healthz</c> and <c>/metrics</c> (section <c>Health</c>).</summary>
public sealed record HealthOptions
{
    public const string Section = "Health";

    /// <summary>Loopback by default; containers set <c>http://0.0.0.0:9464</c> so probes and Prometheus reach it.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:9464";

    /// <summary>How often the role measures its consumer lag and logs a status line.</summary>
    public TimeSpan ReportEvery { get; init; } = TimeSpan.FromSeconds(30);

    public IEnumerable<string> Problems()
    {
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                     .Where(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"Health:Urls '{url}' must be an http:// URL such as http://0.0.0.0:9464";
        }

        if (ReportEvery < TimeSpan.FromSeconds(1) || ReportEvery > TimeSpan.FromHours(1))
        {
            yield return $"Health:ReportEvery {ReportEvery} must be from 00:00:01 to 01:00:00";
        }
    }
}
