using Intelligence.Analytics.Chdb;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Intelligence.Sink.Tests.Support;

/// <summary>
/// One in-memory chDB engine for the whole test process (the engine allows one storage path per
/// process); each test isolates itself in a database of its own.
/// </summary>
public static class SharedStore
{
    private static readonly Lazy<ChdbStore> Store = new(() => ChdbStore.Open(null));

    public static ChdbStore Instance => Store.Value;

    public static string NewDatabase() => $"t_{Guid.NewGuid():N}";
}
