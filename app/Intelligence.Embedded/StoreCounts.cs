using System.Globalization;
using Intelligence.Analytics;

namespace Intelligence.Embedded;

/// <summary>Counts rows in the store, to check the sinks' account against the store's own.</summary>
public static class StoreCounts
{
    public static async Task<long> RowsAsync(IAnalyticsStore store, string database, string table, CancellationToken ct)
    {
        var sql = $"SELECT count() FROM {SqlNames.RequireIdentifier(database, "database")}.{SqlNames.RequireIdentifier(table, "table")}";
        var result = await store.QueryAsync(sql, "TabSeparated", ct: ct).ConfigureAwait(false);
        return long.Parse(result.Text.Trim(), CultureInfo.InvariantCulture);
    }
}
