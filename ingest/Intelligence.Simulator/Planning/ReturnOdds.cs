namespace Intelligence.Simulator.Planning;

/// <summary>How often a delivered line comes back, and why. Clothes and shoes come back most, beauty least.</summary>
internal static class ReturnOdds
{
    // apparel, footwear, home, electronics, beauty, outdoor
    private static readonly double[] ByCategory = [0.10, 0.09, 0.04, 0.05, 0.02, 0.05];

    // Marketplace buyers return more; store customers have already seen the goods; trade rarely returns.
    private static readonly double[] ChannelFactor = [1.0, 1.2, 1.2, 0.6, 0.2];

    private static readonly string[] Reasons =
        ["changed_mind", "size_fit", "defective", "damaged", "not_as_described", "wrong_item", "late_delivery"];

    private static readonly double[] UsualWeights = [0.30, 0.25, 0.12, 0.10, 0.10, 0.08, 0.05];

    public static double Baseline(int category) => ByCategory[category % ByCategory.Length];

    public static double For(int category, int channel) => Baseline(category) * ChannelFactor[channel];

    /// <summary>A reason for an ordinary return; size and fit only apply to clothes and shoes.</summary>
    public static string UsualReason(Random rng, int category, bool deliveredLate)
    {
        if (deliveredLate && rng.NextDouble() < 0.4)
        {
            return "late_delivery";
        }

        while (true)
        {
            var roll = rng.NextDouble();
            for (var i = 0; i < Reasons.Length; i++)
            {
                roll -= UsualWeights[i];
                if (roll < 0)
                {
                    if (Reasons[i] == "size_fit" && category > 1)
                    {
                        break;
                    }

                    return Reasons[i];
                }
            }
        }
    }

    /// <summary>A reason for a return from a bad batch.</summary>
    public static string BatchFaultReason(Random rng)
    {
        var roll = rng.NextDouble();
        return roll < 0.50 ? "defective" : roll < 0.85 ? "not_as_described" : roll < 0.95 ? "damaged" : "changed_mind";
    }

    /// <summary>Faulty goods mostly come back unsellable; unwanted ones mostly go back on the shelf.</summary>
    public static bool ComesBackDamaged(Random rng, string reason) =>
        rng.NextDouble() < (reason is "defective" or "damaged" ? 0.7 : 0.1);
}
