using System.Text.Json;
using Intelligence.Testing.ClickHouseHttp;

namespace Intelligence.Analytics.ClickHouse.Tests;

[Collection(ServerCollection.Name)]
public sealed class ParameterTests(ChdbHttpServerFixture server)
{
    [Theory]
    [InlineData("evt-0'; DROP TABLE {db}.raw_events; --")]
    [InlineData("it's \"quoted\"\tand\\back\nslashed")]
    public async Task A_hostile_value_binds_as_data_and_the_table_survives(string template)
    {
        await using var store = ServerStores.On(server);
        var database = await ServerStores.MigratedDatabaseAsync(store, "hostile");
        await store.InsertAsync($"{database}.raw_events", BatchRows.OrderEvents(3));
        var value = template.Replace("{db}", database, StringComparison.Ordinal);

        var matched = await store.QueryAsync(
            $"SELECT toUInt8(count()) AS n, {{value:String}} AS echoed FROM {database}.raw_events WHERE event_id = {{value:String}}",
            "JSONEachRow", new Dictionary<string, string> { ["value"] = value });

        var row = JsonDocument.Parse(matched.Text).RootElement;
        Assert.Equal(0, row.GetProperty("n").GetInt32());
        Assert.Equal(value, row.GetProperty("echoed").GetString());
        Assert.Equal("3", await ServerStores.ScalarAsync(store, $"SELECT count() FROM {database}.raw_events"));
    }

    [Fact]
    public async Task Array_and_DateTime64_values_bind_as_ClickHouse_literals_and_text()
    {
        await using var store = ServerStores.On(server);
        var database = await ServerStores.MigratedDatabaseAsync(store, "typed");
        await store.InsertAsync($"{database}.raw_events", BatchRows.OrderEvents(10));

        var matched = await store.QueryAsync(
            $"SELECT event_id FROM {database}.raw_events WHERE event_id IN {{ids:Array(String)}} AND occurred_at >= {{from:DateTime64(3, 'UTC')}} ORDER BY event_id",
            "TabSeparated",
            new Dictionary<string, string> { ["ids"] = "['evt-1','evt-5','evt-8']", ["from"] = "2026-11-02 10:00:04.000" });

        Assert.Equal("evt-5\nevt-8\n", matched.Text);
    }
}
