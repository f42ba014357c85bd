using Intelligence.Analytics.Migrations;
using Intelligence.Testing.ClickHouseHttp;

namespace Intelligence.Analytics.ClickHouse.Tests;

/// <summary>Server stores on the fixture, and databases migrated through them.</summary>
public static class ServerStores
{
    public static ClickHouseServerStore On(ChdbHttpServerFixture server, ClickHouseOptions? options = null) =>
        ClickHouseServerStore.Connect((options ?? new ClickHouseOptions()) with { Url = server.Url.ToString() });

    public static async Task<string> MigratedDatabaseAsync(IAnalyticsStore store, string purpose)
    {
        var database = UniqueDatabase.Named(purpose);
        await Migrator.ApplyAsync(store, database);
        return database;
    }

    public static async Task<string> ScalarAsync(IAnalyticsStore store, string sql) =>
        (await store.QueryAsync(sql, "TabSeparated")).Text.TrimEnd('\n');
}
