using System.Net.Http;

namespace Intelligence.Cli.Tests;

/// <summary>The README's HTTP flow, with the real program: a key, a listening run, simulated inputs posted to it.</summary>
public sealed class HttpFlowTests : IDisposable
{
    private readonly string _data = CliProcess.NewDataDirectory();

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Inputs_posted_to_a_listening_run_are_all_accounted_for()
    {
        var key = (await CliProcess.RunAsync("keys", "add", "webstore", "--data", _data)).Out.Trim().Split('\n')[^1];
        var url = $"http://127.0.0.1:{CliProcess.FreePort()}";
        var listening = CliProcess.Start("run", "--source", "http", "--urls", url, "--duration", "25", "--data", _data);
        await WaitUntilUpAsync(url);

        // No --start: a posted simulation ends today, so the live clock takes its events as recent.
        var posted = await CliProcess.RunAsync("simulate", "--post", url, "--api-key", key, "--events", "3000",
            "--bad-input", "--batch", "500");
        var run = await listening.WaitAsync();

        Assert.True(posted.ExitCode == 0, posted.Error);
        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.True(run.Out.Contains("every input accounted for: 3,000 =", StringComparison.Ordinal), run.Out + run.Error + posted.Out);
    }

    [Fact]
    public async Task An_http_run_without_keys_says_how_to_make_one()
    {
        var run = await CliProcess.RunAsync("run", "--source", "http", "--urls", $"http://127.0.0.1:{CliProcess.FreePort()}",
            "--duration", "1", "--data", _data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("keys add", run.Error, StringComparison.Ordinal);
    }

    private static async Task WaitUntilUpAsync(string url)
    {
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync(new Uri(url + "/health"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The HTTP source did not come up on {url}.");
    }
}
