using System.Text;
using System.Text.Json;
using Intelligence.Analytics;
using Intelligence.Processors.Inventory;
using static Intelligence.Bench.MaterializedViews.ViewSchema;

namespace Intelligence.Bench.MaterializedViews;

/// <summary>
/// The stock positions that lines the gate rejects (but ClickHouse parses) reach through the views:
/// what explains an ATS disagreement that re-sends do not. For the report only, not a view.
/// </summary>
public static class RejectedLines
{
    private const string Touched = $"""
        SELECT DISTINCT sku, location FROM (
            SELECT sku, location FROM {Database}.stock_ledger WHERE event_id IN (SELECT id FROM {Database}.gate_rejected)
            UNION ALL
            SELECT sku, location FROM {Database}.order_line_stock WHERE event_id IN (SELECT id FROM {Database}.gate_rejected))
        """;

    public static async Task<IReadOnlySet<string>> PositionsTouchedAsync(IAnalyticsStore store, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        await store.ExecuteAsync($"CREATE TABLE {Database}.gate_rejected (id String) ENGINE = Memory", ct);
        var rows = new StringBuilder();
        foreach (var id in ids)
        {
            rows.Append("{\"id\":").Append(JsonSerializer.Serialize(id)).Append("}\n");
        }

        await store.InsertAsync($"{Database}.gate_rejected", Encoding.UTF8.GetBytes(rows.ToString()), ct: ct);
        var result = await store.QueryAsync(Touched, "TabSeparated", ct: ct);
        return result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(row => row.Split('\t'))
            .Select(fields => StockKeys.Of(fields[0], fields[1]))
            .ToHashSet(StringComparer.Ordinal);
    }
}
