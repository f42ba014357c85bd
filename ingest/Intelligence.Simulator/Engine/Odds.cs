namespace Intelligence.Simulator.Engine;

/// <summary>The few kinds of random draw the world needs, written once.</summary>
internal static class Odds
{
    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    /// <summary>A duration uniformly between <paramref name="least"/> and <paramref name="most"/>.</summary>
    public static TimeSpan Between(this Random rng, TimeSpan least, TimeSpan most) =>
        least + (most - least) * rng.NextDouble();

    /// <summary>A duration spread evenly on a log scale: mostly short, sometimes long.</summary>
    public static TimeSpan Spread(this Random rng, TimeSpan least, TimeSpan most) =>
        TimeSpan.FromTicks((long)(least.Ticks * Math.Pow((double)most.Ticks / least.Ticks, rng.NextDouble())));

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>Rounds a count drawn from an expected (possibly fractional) value, keeping the mean.</summary>
    public static int Round(this Random rng, double expected)
    {
        var whole = Math.Floor(expected);
        return (int)whole + (rng.NextDouble() < expected - whole ? 1 : 0);
    }
}
