using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Intelligence.Analytics.Migrations;
using Intelligence.Testing.ClickHouseHttp;

namespace Intelligence.Analytics.ClickHouse.Tests;

/// <summary><c>./intelligence migrate</c> run as a user runs it, a child process, against the fixture.</summary>
[Collection(ServerCollection.Name)]
public sealed class MigrateCommandTests(ChdbHttpServerFixture server)
{
    [Fact]
    public async Task Migrate_applies_every_migration_then_reports_them_all_already_applied()
    {
        var database = UniqueDatabase.Named("cli");

        var first = await RunAsync("migrate", "--clickhouse", server.Url.ToString(), "--database", database);
        var second = await RunAsync("migrate", "--clickhouse", server.Url.ToString(), "--database", database);

        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        Assert.Equal(0, second.ExitCode);
        foreach (var migration in MigrationCatalog.All)
        {
            Assert.Contains($"applied          {migration.FileName}", first.Out, StringComparison.Ordinal);
            Assert.Contains($"already applied  {migration.FileName}", second.Out, StringComparison.Ordinal);
        }

        Assert.Contains($"{MigrationCatalog.All.Count} applied, 0 already applied.", first.Out, StringComparison.Ordinal);
        await using var store = ServerStores.On(server);
        Assert.Equal("1", await ServerStores.ScalarAsync(store, $"SELECT count() FROM system.tables WHERE database = '{database}' AND name = 'raw_events'"));
    }

    [Fact]
    public async Task Migrate_against_a_server_that_is_down_exits_1_saying_what_to_check()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var outcome = await RunAsync("migrate", "--clickhouse", $"http://127.0.0.1:{port}");

        Assert.Equal(1, outcome.ExitCode);
        var message = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"http://127.0.0.1:{port}/ did not answer", message, StringComparison.Ordinal);
        Assert.Contains("check that it is running", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_with_a_url_that_is_not_http_is_a_usage_error()
    {
        var outcome = await RunAsync("migrate", "--clickhouse", "localhost:8123");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("ClickHouse:Url must be an absolute http:// or https:// address", outcome.Error, StringComparison.Ordinal);
    }

    private sealed record Outcome(int ExitCode, string Out, string Error);

    private static async Task<Outcome> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "intelligence.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var (output, error) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Never leave a hung program running after the test gives up on it.
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"intelligence did not exit within 2 minutes; stderr so far: {await error}");
        }

        return new Outcome(process.ExitCode, await output, await error);
    }
}
