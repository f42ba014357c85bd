namespace Intelligence.Simulator;

/// <summary>A known operational problem the simulator can play out, so detectors can be checked against the truth.</summary>
public enum Scenario
{
    /// <summary>A marketplace flash promotion on a few SKUs whose demand spike threatens to oversell the channel.</summary>
    FlashPromotion,

    /// <summary>One supplier's receipts arrive progressively later than it promised.</summary>
    SupplierSlippage,

    /// <summary>At peak the 3PL's picks slow down and its backlog grows.</summary>
    ThreePlBacklog,

    /// <summary>One product line's return rate jumps, mostly for defects.</summary>
    HighReturnRate,
}

public static class ScenarioNames
{
    public static string ToName(this Scenario s) => s switch
    {
        Scenario.FlashPromotion => "flash-promotion",
        Scenario.SupplierSlippage => "supplier-slippage",
        Scenario.ThreePlBacklog => "3pl-backlog",
        Scenario.HighReturnRate => "high-return-rate",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "Unknown scenario."),
    };

    public static bool TryParse(string name, out Scenario s)
    {
        foreach (var candidate in Enum.GetValues<Scenario>())
        {
            if (string.Equals(candidate.ToName(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                s = candidate;
                return true;
            }
        }

        s = default;
        return false;
    }
}
