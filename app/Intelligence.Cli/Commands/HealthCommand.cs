namespace Intelligence.Cli.Commands;

/// <summary><c>intelligence health</c>: asks a running role's /healthz, for container health checks without curl.</summary>
public static class HealthCommand
{
    public const string Usage = """
        intelligence health [--url URL]

        Asks a running ingest, process or sink role whether it is healthy: exit 0 when its /healthz
        answers 200, 1 otherwise (the reason is printed). For container health checks.

          --url URL          default: Health:Urls on this machine, path /healthz (http://127.0.0.1:9464/healthz)
          --config FILE      extra settings (JSON, same shape as appsettings.json)
        """;

    public static readonly IReadOnlySet<string> Valued = new HashSet<string>(["url", "config"]);

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>();

    public static async Task<int> ExecuteAsync(CommandLine line, Settings settings, CancellationToken stop)
    {
        var url = line.Value("url") ?? DefaultUrl(settings);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(url), stop);
            var body = (await response.Content.ReadAsStringAsync(stop)).Trim();
            System.Console.Out.WriteLine($"{(int)response.StatusCode} {body}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await System.Console.Error.WriteLineAsync($"{url} did not answer: {ex.Message}");
            return 1;
        }
    }

    private static string DefaultUrl(Settings settings)
    {
        var first = settings.Health().Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        var uri = new UriBuilder(first) { Path = "/healthz" };
        if (uri.Host is "0.0.0.0" or "*" or "+" or "[::]")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri.ToString();
    }
}
