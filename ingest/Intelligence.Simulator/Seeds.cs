namespace Intelligence.Simulator;

/// <summary>
/// Independent random streams per concern, so that turning on bad input or a scenario does not
/// reshuffle the rest of the world.
/// </summary>
internal static class Seeds
{
    public const int Catalogue = 1;
    public const int Scenarios = 2;
    public const int World = 3;
    public const int Feed = 4;

    public static int Derive(int seed, int stream) => unchecked((seed * 1_000_003) ^ (stream * 7_919) + stream);
}
