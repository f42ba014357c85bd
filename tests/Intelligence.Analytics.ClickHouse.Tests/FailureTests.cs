using System.Net;
using System.Net.Sockets;
using Intelligence.Embedded;
using Intelligence.Testing.ClickHouseHttp;

namespace Intelligence.Analytics.ClickHouse.Tests;

[Collection(ServerCollection.Name)]
public sealed class FailureTests(ChdbHttpServerFixture server)
{
    [Fact]
    public async Task A_syntax_error_is_code_62_and_permanent()
    {
        await using var store = ServerStores.On(server);

        var error = await Assert.ThrowsAsync<AnalyticsException>(() => store.ExecuteAsync("SELEC 1"));

        Assert.Equal(62, error.Code);
        Assert.StartsWith("Code: 62. DB::Exception: Syntax error", error.Message, StringComparison.Ordinal);
        Assert.True(StoreErrors.IsPermanent(error));
    }

    [Fact]
    public async Task An_insert_into_a_missing_table_is_code_60_and_permanent()
    {
        await using var store = ServerStores.On(server);

        var error = await Assert.ThrowsAsync<AnalyticsException>(
            () => store.InsertAsync("no_such_database_here.raw_events", BatchRows.OrderEvents(1), "t-1"));

        Assert.True(error.Code is 60 or 81, error.Message);
        Assert.True(StoreErrors.IsPermanent(error));
    }

    [Fact]
    public async Task An_error_half_way_through_a_query_is_an_error_not_a_cut_off_answer()
    {
        await using var store = ServerStores.On(server);

        var error = await Assert.ThrowsAsync<AnalyticsException>(
            () => store.QueryAsync("SELECT throwIf(number = 3, 'stop at three') FROM numbers(10)"));

        Assert.Contains("stop at three", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Code);
    }

    [Fact]
    public async Task A_server_that_is_down_is_a_passing_failure_that_names_the_url()
    {
        var url = $"http://127.0.0.1:{PortWithNothingListening()}/";
        await using var store = ClickHouseServerStore.Connect(new ClickHouseOptions { Url = url });

        var error = await Assert.ThrowsAsync<AnalyticsException>(() => store.InsertAsync("db.raw_events", BatchRows.OrderEvents(1), "t-1"));

        Assert.Null(error.Code);
        Assert.False(StoreErrors.IsPermanent(error));
        Assert.Contains(url, error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing accepted the connection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_accepts_but_never_answers_times_out_naming_the_url()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/";
        await using var store = ClickHouseServerStore.Connect(new ClickHouseOptions { Url = url, Timeout = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<AnalyticsException>(() => store.QueryAsync("SELECT 1"));

        Assert.False(StoreErrors.IsPermanent(error));
        Assert.Contains($"{url} did not answer within 1 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_password_file_is_what_the_server_checks_and_a_wrong_password_is_code_516()
    {
        await using var guarded = await ChdbHttpServer.StartAsync(server.Engine, new ChdbHttpServerOptions { Password = "s3cret-pw" });
        var (right, wrong) = (Path.GetTempFileName(), Path.GetTempFileName());
        try
        {
            await File.WriteAllTextAsync(right, "s3cret-pw\n");
            await File.WriteAllTextAsync(wrong, "guess\n");
            await using var allowed = ClickHouseServerStore.Connect(new ClickHouseOptions { Url = guarded.Url.ToString(), User = "pipeline", PasswordFile = right });
            await using var refused = ClickHouseServerStore.Connect(new ClickHouseOptions { Url = guarded.Url.ToString(), User = "pipeline", PasswordFile = wrong });

            Assert.Equal("1", await ServerStores.ScalarAsync(allowed, "SELECT 1"));
            var error = await Assert.ThrowsAsync<AnalyticsException>(() => refused.QueryAsync("SELECT 1"));

            Assert.Equal(516, error.Code);
            Assert.True(StoreErrors.IsPermanent(error), "a wrong password is not retried forever");
            Assert.All(guarded.Requests, r => Assert.Equal("pipeline", r.User));
            Assert.DoesNotContain("s3cret", allowed.Description, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(right);
            File.Delete(wrong);
        }
    }

    private static int PortWithNothingListening()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
