using Intelligence.Analytics.Chdb;
using Intelligence.Console;
using Serilog;

namespace Intelligence.Cli.Commands;

/// <summary><c>intelligence serve</c>: the dashboards in a browser, read-only, over the embedded store.</summary>
public static class ServeCommand
{
    public const string Usage = """
        intelligence serve [--data DIR] [--urls http://127.0.0.1:5090] [--dashboards DIR]

        Serves the embedded console: the same dashboards Grafana provisions (dashboards/grafana),
        read-only, over the store under --data. Open the address it prints in a browser. The time
        picker opens on the stored events' span (simulated runs live in simulated time). Stop with Ctrl+C.

          --data DIR         where the store lives (default ./data); run `./intelligence run` first
          --urls URL         where to listen (default http://127.0.0.1:5090; keep it on loopback: no login)
          --dashboards DIR   dashboard JSON files (default: the copies beside the program)
        """;

    public static readonly IReadOnlySet<string> Valued = new HashSet<string>(["data", "urls", "dashboards", "config"]);

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>();

    public static async Task<int> ExecuteAsync(CommandLine line, Settings settings, ILogger log, CancellationToken stop)
    {
        if (line.Positional.Count != 0)
        {
            throw new UsageException($"serve takes no arguments (got '{line.Positional[0]}').");
        }

        var data = line.Value("data") ?? settings.DataDirectory;
        var path = Path.Combine(data, "chdb");
        if (!Directory.Exists(path))
        {
            throw new UsageException($"There is no store under '{data}'. Run `./intelligence run --data {data}` first.");
        }

        var defaults = new ConsoleOptions();
        var options = defaults with
        {
            Urls = line.Value("urls") ?? settings.Configuration["Console:Urls"] ?? defaults.Urls,
            Database = settings.Database,
            DashboardFolder = line.Value("dashboards") ?? defaults.DashboardFolder,
        };

        await using var store = ChdbStore.Open(path);
        await using var console = await ConsoleServer.StartAsync(store, options, TimeProvider.System,
            logging => logging.AddSerilog(log), stop);
        foreach (var address in console.Addresses)
        {
            log.Information("Console on {Address} ({Dashboards} dashboards, store {Store}); Ctrl+C stops it",
                address, console.Dashboards.Count, store.Description);
        }

        // Ends on Ctrl+C (the token) or SIGTERM (the host's lifetime), the ways the console is meant to end.
        await console.WaitForShutdownAsync(stop);
        return 0;
    }
}
