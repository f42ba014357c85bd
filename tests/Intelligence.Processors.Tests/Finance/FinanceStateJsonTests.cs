using System.Text.Json;
using Intelligence.Processors.Finance;
using static Intelligence.Processors.Tests.Finance.FinanceBuilders;

namespace Intelligence.Processors.Tests.Finance;

public sealed class FinanceStateJsonTests
{
    [Fact]
    public void Order_payments_and_settlement_state_survive_a_json_round_trip()
    {
        var harness = Harness();
        harness.Feed("O-1", Placed("O-1", "webstore", 4.95m, "P-1", Line("L1", "SKU-1", 2, 20m, 4m)), T0);
        harness.Feed("O-1", Shipment("O-1", "S-1", 4m, ("L1", "SKU-1", 2)), T0.AddHours(1));
        harness.Feed("O-1", Captured("O-1", 40.95m), T0.AddHours(1));
        harness.Feed("O-1", ReturnOf("O-1", "R-1", "L1", "SKU-1", 1), T0.AddDays(2));
        harness.Feed("ST-1", Statement("ST-1", "stripe", T0.AddDays(1), SettlementLine("O-1", "sale", 40.95m, 0.82m)), T0.AddDays(1));
        harness.AdvanceTo(T0.AddDays(9));

        var order = RoundTrip(harness.State<OrderPaymentsState>("order-payments", "O-1"));
        var settlement = RoundTrip(harness.State<SettlementState>("settlements", "ST-1"));

        Assert.Contains("\"Returns\":[{\"ReturnId\":\"R-1\"", order, StringComparison.Ordinal);
        Assert.Contains("\"GrossSales\":40.95", settlement, StringComparison.Ordinal);
    }

    /// <summary>Serializes, reads back and serializes again; the two texts must be the same.</summary>
    private static string RoundTrip<T>(T state)
    {
        var json = JsonSerializer.Serialize(state);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(json)));
        return json;
    }
}
