using Intelligence.Testing.ClickHouseHttp;

namespace Intelligence.Analytics.ClickHouse.Tests;

/// <summary>
/// The process's one chDB engine behind the HTTP fixture, shared by every class here; each test
/// keeps its rows in a database of its own (<see cref="UniqueDatabase"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ChdbHttpServerFixture>
{
    public const string Name = "chDB over HTTP";
}

/// <summary>Database names no other test uses.</summary>
public static class UniqueDatabase
{
    public static string Named(string purpose) => $"{purpose}_{Guid.NewGuid().ToString("N")[..12]}";
}
