using Intelligence.Dashboards.Tests;
using Microsoft.Playwright;

namespace Intelligence.Console.Tests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright with <c>ExecutablePath</c> (Playwright never
/// downloads a browser here), opens every dashboard and waits for every panel: each must end
/// <c>data-state="ok"</c> with rows, none with an error; the open-alerts strip must list alerts.
/// A full-page screenshot per dashboard goes to <c>TestResults/screenshots/</c> beside the test.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class BrowserTests(ConsoleUnderTest console)
{
    private const string AllLoaded = """
        () => [...document.querySelectorAll('.panel'), document.getElementById('alerts')]
                .every(p => p.dataset.state !== 'loading')
              && document.querySelectorAll('.panel').length > 0
        """;

    private const string PanelStates = """
        () => [...document.querySelectorAll('.panel')].map(p =>
            `${p.dataset.panelId}|${p.dataset.state}|${p.dataset.rows}|${p.querySelector('h2').textContent}|${p.dataset.error ?? ''}`)
        """;

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    [SkippableFact]
    public async Task Every_dashboard_draws_every_panel_with_data_and_the_open_alerts()
    {
        var chromium = Chromium.Find();
        Skip.If(chromium is null, Chromium.Missing);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // Root in a container has no user namespace for Chromium's sandbox.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        Directory.CreateDirectory(ScreenshotFolder);

        foreach (var dashboard in Provisioning.Dashboards)
        {
            await page.GotoAsync(new Uri(console.Address, $"/d/{dashboard.Uid}").ToString());
            await page.WaitForFunctionAsync(AllLoaded, null, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 200 });

            var states = (await page.EvaluateAsync<string[]>(PanelStates)).Select(s => s.Split('|')).ToList();
            Assert.Equal(dashboard.Panels.Count, states.Count);
            Assert.All(states, s => Assert.True(s[1] == "ok" && int.Parse(s[2], System.Globalization.CultureInfo.InvariantCulture) > 0,
                $"{dashboard.Uid} panel {s[0]} '{s[3]}' is {s[1]} with {s[2]} rows {s[4]}"));

            var alerts = page.Locator("#alerts");
            Assert.Equal("ok", await alerts.GetAttributeAsync("data-state"));
            Assert.True(int.Parse(await alerts.GetAttributeAsync("data-rows") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0,
                $"{dashboard.Uid}: the open-alerts strip lists no alerts");
            Assert.True(await page.Locator("#alerts tbody tr").CountAsync() > 0);

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{dashboard.Uid}.png"), FullPage = true });
        }

        Assert.Empty(consoleErrors);
    }
}
