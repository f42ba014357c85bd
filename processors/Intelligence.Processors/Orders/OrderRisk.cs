namespace Intelligence.Processors.Orders;

/// <summary>
/// The risk score routing rules see, 0 to 1: value weight × min(order value ÷ ceiling, 1) + the
/// tier's points + the points of the order's riskiest open hold, capped at 1 and rounded to 3 places.
/// With the defaults a 250 EUR standard order on fraud review scores 0.1 + 0.2 + 0.4 = 0.7.
/// </summary>
public static class OrderRisk
{
    public static double Score(OrdersOptions options, decimal orderValue, string? customerTier, IEnumerable<string> holds)
    {
        var value = options.RiskValueWeight * (double)Math.Min(1m, Math.Max(0m, orderValue) / options.RiskOrderValueCeiling);
        var tier = customerTier is not null && options.RiskByTier.TryGetValue(customerTier, out var t) ? t : options.RiskUnknownTier;
        var hold = 0.0;
        foreach (var reason in holds)
        {
            hold = Math.Max(hold, options.RiskByHold.GetValueOrDefault(reason));
        }

        return Math.Round(Math.Min(1, value + tier + hold), 3);
    }
}
