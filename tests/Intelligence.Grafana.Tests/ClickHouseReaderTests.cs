using System.Xml.Linq;

namespace Intelligence.Grafana.Tests;

/// <summary>
/// deploy/clickhouse/users.d/: the analyst and grafana readers are read-only, limited, under a quota,
/// granted SELECT on the intelligence database only, and the engine loads them as a server would.
/// chDB cannot sign in as another user (EXECUTE AS is disabled in it), so grants are checked as the
/// engine reports them, and the profiles are checked by running queries under them.
/// </summary>
public sealed class ClickHouseReaderTests
{
    public static TheoryData<string> Readers => new() { "analyst", "grafana" };

    [Theory]
    [MemberData(nameof(Readers))]
    public void The_reader_file_names_a_read_only_profile_limits_a_quota_and_select_grants(string user)
    {
        var root = XDocument.Load(Path.Combine(Repository.ClickHouseUsers, user + ".xml")).Root!;
        var profile = root.Element("profiles")!.Element(user)!;
        Assert.Contains(profile.Element("readonly")!.Value, new[] { "1", "2" });
        foreach (var limit in new[] { "max_execution_time", "max_memory_usage", "max_result_rows" })
        {
            Assert.True(long.Parse(profile.Element(limit)!.Value, System.Globalization.CultureInfo.InvariantCulture) > 0, $"{user}: {limit}");
            Assert.NotNull(profile.Element("constraints")!.Element(limit)!.Element("max"));
        }

        var interval = root.Element("quotas")!.Element(user)!.Elements("interval").First();
        foreach (var measure in new[] { "duration", "queries", "read_rows", "execution_time" })
        {
            Assert.True(long.Parse(interval.Element(measure)!.Value, System.Globalization.CultureInfo.InvariantCulture) > 0, $"{user}: quota {measure}");
        }

        var account = root.Element("users")!.Element(user)!;
        Assert.Equal(user, account.Element("profile")!.Value);
        Assert.Equal(user, account.Element("quota")!.Value);
        Assert.Equal(["GRANT SELECT ON intelligence.*"], account.Element("grants")!.Elements("query").Select(q => q.Value));
        var password = account.Element("password_sha256_hex")!;
        Assert.False(string.IsNullOrEmpty(password.Attribute("from_env")?.Value), $"{user}: the password hash comes from the environment");
        Assert.Empty(password.Value);
        Assert.Null(account.Element("password"));
        Assert.Null(account.Element("access_management"));
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task The_engine_loads_the_reader_with_its_grants_quota_and_profile(string user)
    {
        var store = ReaderEngine.Store;
        Assert.Equal($"GRANT SELECT ON intelligence.* TO {user}", (await store.QueryAsync($"SHOW GRANTS FOR {user}", "TabSeparated")).Text.Trim());
        Assert.Contains("sha256_password", (await store.QueryAsync($"SELECT auth_type FROM system.users WHERE name = '{user}'", "TabSeparated")).Text, StringComparison.Ordinal);
        var quota = await store.QueryAsync($"SELECT count() FROM system.quota_limits WHERE quota_name = '{user}' AND max_queries > 0 AND max_read_rows > 0 AND max_execution_time > 0", "TabSeparated");
        Assert.NotEqual("0", quota.Text.Trim());
        var readOnly = await store.QueryAsync($"SELECT value FROM system.settings_profile_elements WHERE profile_name = '{user}' AND setting_name = 'readonly'", "TabSeparated");
        Assert.Equal("2", readOnly.Text.Trim());
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Under_the_readers_profile_a_query_can_select_but_not_insert_create_or_raise_its_limits(string user)
    {
        var database = await ReaderEngine.DatabaseAsync();
        await using var reader = ReaderEngine.OpenSecondConnection();
        var asReader = $"SETTINGS profile = '{user}'";

        var rows = await reader.QueryAsync($"SELECT count() FROM {database}.raw_events {asReader}", "TabSeparated");
        Assert.NotEqual("0", rows.Text.Trim());

        var insert = await Assert.ThrowsAnyAsync<Exception>(() =>
            reader.ExecuteAsync($"INSERT INTO {database}.pipeline_runs {asReader} SELECT * FROM {database}.pipeline_runs LIMIT 1"));
        Assert.Contains("readonly", insert.Message, StringComparison.OrdinalIgnoreCase);

        var create = await Assert.ThrowsAnyAsync<Exception>(() =>
            reader.ExecuteAsync($"CREATE TABLE {database}.reader_copy ENGINE = Memory AS SELECT 1 AS one {asReader}"));
        Assert.Contains("readonly", create.Message, StringComparison.OrdinalIgnoreCase);

        var raise = await Assert.ThrowsAnyAsync<Exception>(() =>
            reader.QueryAsync($"SELECT 1 {asReader}, max_execution_time = 100000", "TabSeparated"));
        Assert.Contains("max_execution_time", raise.Message, StringComparison.Ordinal);

        var tooMany = await Assert.ThrowsAnyAsync<Exception>(() =>
            reader.QueryAsync($"SELECT number FROM numbers(10000000) {asReader}", "TabSeparated"));
        Assert.Contains("result", tooMany.Message, StringComparison.OrdinalIgnoreCase);
    }
}
