using System.Globalization;
using Intelligence.Simulator;

namespace Intelligence.Pipeline.Tests;

/// <summary>
/// At the end of a run with every scenario and bad input on, the streamed state in the store agrees
/// with the same figures recomputed in batch SQL over raw_events (<see cref="Oracle"/>).
/// </summary>
public sealed class OracleTests : IAsyncLifetime
{
    private string _db = "";

    public async Task InitializeAsync()
    {
        _db = SharedStore.NewDatabase();
        await PipelineRig.SimulateAsync(_db, new SimulationOptions
        {
            Seed = 3, Events = 60_000, Scenarios = Enum.GetValues<Scenario>().ToHashSet(), BadInput = BadInputOptions.Default,
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task On_hand_per_sku_and_location_matches_the_batch_recomputation()
    {
        var expected = await Figures(Oracle.OnHand(_db));
        var streamed = await Figures($"SELECT concat(sku, '@', location), on_hand FROM {_db}.stock_positions FINAL ORDER BY 1");

        Assert.True(expected.Count > 1_000, $"only {expected.Count} stock positions");
        AssertSame(expected, streamed, "on hand");
    }

    [Fact]
    public async Task Reserved_per_sku_and_location_matches_the_batch_recomputation()
    {
        var expected = await Figures(Oracle.Reserved(_db));
        var streamed = await Figures($"SELECT concat(sku, '@', location), reserved FROM {_db}.stock_positions FINAL WHERE reserved != 0 ORDER BY 1");

        AssertSame(expected, streamed, "reserved");
    }

    [Fact]
    public async Task Open_holds_and_carrier_delays_match_the_batch_recomputation()
    {
        var holds = await Figures(Oracle.OpenHolds(_db));
        var streamedHolds = await Figures(
            $"SELECT category, count() FROM {_db}.exceptions FINAL WHERE status = 'open' AND category IN ('payment_hold', 'address_validation', 'fraud_review') GROUP BY category ORDER BY 1");
        var delays = await PipelineRig.CountAsync(Oracle.OpenCarrierDelays(_db));
        var streamedDelays = await PipelineRig.CountAsync(
            $"SELECT count() FROM {_db}.exceptions FINAL WHERE status = 'open' AND category = 'carrier_delay'");

        AssertSame(holds, streamedHolds, "open holds");
        Assert.True(delays > 0, "no carrier delay open at the end: the comparison would prove nothing");
        Assert.Equal(delays, streamedDelays);
    }

    [Fact]
    public async Task Revenue_and_discount_of_shipped_units_match_the_batch_recomputation()
    {
        var expected = (await PipelineRig.QueryAsync(Oracle.ShippedRevenue(_db))).Split('\t').Select(Money).ToArray();
        var streamed = (await PipelineRig.QueryAsync($"SELECT sum(revenue), sum(discount) FROM {_db}.margin FINAL")).Split('\t').Select(Money).ToArray();

        Assert.True(expected[0] > 100_000m, $"revenue {expected[0]}");
        Assert.Equal(expected[0], streamed[0]);
        Assert.Equal(expected[1], streamed[1], 2);
    }

    [Fact]
    public async Task Unreconciled_amounts_are_the_differences_the_batch_recomputation_finds()
    {
        var differences = (await Figures(Oracle.SettlementDifferences(_db))).ToDictionary(kv => kv.Key, kv => kv.Value);
        var unreconciled = await Figures(
            $"SELECT order_id, unreconciled_amount FROM {_db}.order_reconciliation FINAL WHERE status IN ('pending', 'unreconciled') ORDER BY 1");

        // Pending orders wait for their statement (the difference so far); unreconciled ones are overdue.
        Assert.True(unreconciled.Count > 100, $"only {unreconciled.Count} orders awaiting settlement");
        foreach (var (order, amount) in unreconciled)
        {
            Assert.True(differences.GetValueOrDefault(order) == amount,
                $"{order}: streamed {amount}, batch difference {differences.GetValueOrDefault(order)}");
        }

        var matched = await Figures($"SELECT order_id, 0 FROM {_db}.order_reconciliation FINAL WHERE status = 'matched' ORDER BY 1");
        Assert.All(matched, m => Assert.Equal(0m, differences.GetValueOrDefault(m.Key)));
    }

    private static void AssertSame(List<KeyValuePair<string, decimal>> expected, List<KeyValuePair<string, decimal>> streamed, string what)
    {
        var e = expected.ToDictionary(kv => kv.Key, kv => kv.Value);
        var s = streamed.ToDictionary(kv => kv.Key, kv => kv.Value);
        var wrong = e.Keys.Union(s.Keys)
            .Where(k => e.GetValueOrDefault(k) != s.GetValueOrDefault(k))
            .Select(k => $"{k}: batch {e.GetValueOrDefault(k)}, streamed {s.GetValueOrDefault(k)}")
            .Take(10).ToList();
        Assert.True(wrong.Count == 0, $"{what} differs: {string.Join("; ", wrong)}");
    }

    private static async Task<List<KeyValuePair<string, decimal>>> Figures(string sql) =>
        (await PipelineRig.QueryAsync(sql)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split('\t'))
        .Select(cells => KeyValuePair.Create(cells[0], Money(cells[1])))
        .ToList();

    private static decimal Money(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
