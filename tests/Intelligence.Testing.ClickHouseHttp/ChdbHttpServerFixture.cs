using Intelligence.Analytics.Chdb;

namespace Intelligence.Testing.ClickHouseHttp;

/// <summary>
/// An xunit fixture: the process's one in-memory chDB engine behind a <see cref="ChdbHttpServer"/>.
/// A test project declares a collection with <c>ICollectionFixture&lt;ChdbHttpServerFixture&gt;</c>
/// and isolates each test's data in a database of its own.
/// </summary>
public sealed class ChdbHttpServerFixture : IAsyncLifetime
{
    private ChdbStore? engine;
    private ChdbHttpServer? server;

    /// <summary>The engine behind the server, to start a second server on (e.g. one that demands a password).</summary>
    public ChdbStore Engine => engine ?? throw new InvalidOperationException("The chDB HTTP fixture is not started.");

    public ChdbHttpServer Server => server ?? throw new InvalidOperationException("The chDB HTTP fixture is not started.");

    public Uri Url => Server.Url;

    public async Task InitializeAsync()
    {
        engine = ChdbStore.Open(dataPath: null);
        server = await ChdbHttpServer.StartAsync(engine);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (engine is not null)
        {
            await engine.DisposeAsync();
        }
    }
}
