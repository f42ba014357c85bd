using Intelligence.Analytics.Chdb;

namespace Intelligence.Analytics.Tests;

/// <summary>
/// One in-memory chDB store for the whole test process: the engine holds one storage path per
/// process, so every class that needs it joins <see cref="EngineCollection"/> and isolates its data
/// in a database of its own (<see cref="UniqueDatabase"/>).
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private ChdbStore? store;

    /// <summary>The shared store; opening it fails with the locator's message when libchdb.so is missing.</summary>
    public ChdbStore Store => store ?? throw new InvalidOperationException("The engine fixture is not initialized.");

    public Task InitializeAsync()
    {
        store = ChdbStore.Open(dataPath: null);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "chDB engine";
}
