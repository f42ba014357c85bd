namespace Intelligence.Simulator;

/// <summary>What to simulate. The same options always produce the same inputs, byte for byte.</summary>
public sealed record SimulationOptions
{
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Number of inputs to produce, bad inputs and the product master (one record per SKU at the start)
    /// included. The simulated span grows with it.
    /// </summary>
    public long Events { get; init; } = 200_000;

    /// <summary>Simulated start of the run (a Monday by default), UTC.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public IReadOnlySet<Scenario> Scenarios { get; init; } = new HashSet<Scenario>();

    public BadInputOptions BadInput { get; init; } = BadInputOptions.None;

    public int Skus { get; init; } = 2_000;

    /// <summary>Number of stores; the network also has two DCs and one 3PL.</summary>
    public int Stores { get; init; } = 12;

    public int Customers { get; init; } = 50_000;

    public int Suppliers { get; init; } = 25;

    /// <summary>
    /// The simulated days the run covers (1 to 3,650), or null for a span that grows with
    /// <see cref="Events"/>. Set it to keep the business as busy as usual for longer (see <see cref="UsualDays"/>).
    /// </summary>
    public int? Days { get; init; }

    /// <summary>
    /// The simulated time the run covers: <see cref="Days"/> when set, else it grows with
    /// <see cref="Events"/> from one week to 120 days (beyond that a bigger run is a busier business).
    /// </summary>
    public TimeSpan Span => TimeSpan.FromDays(Days ?? Math.Clamp(Events / Planning.RunPlan.EventsPerDay, 7, 120));

    /// <summary>The days <paramref name="events"/> inputs cover at the usual 10,000 a day, with no 120-day ceiling.</summary>
    public static int UsualDays(long events) => (int)Math.Clamp(Math.Round(events / Planning.RunPlan.EventsPerDay), 7, 3_650);

    /// <summary>Throws when a value would make the world impossible to simulate.</summary>
    internal void Check()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Events, nameof(Events));
        if (Days is { } days)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(days, 1, nameof(Days));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 3_650, nameof(Days));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Skus, 20, nameof(Skus));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Skus, 1_000_000, nameof(Skus));
        ArgumentOutOfRangeException.ThrowIfLessThan(Stores, 1, nameof(Stores));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Stores, 999, nameof(Stores));
        ArgumentOutOfRangeException.ThrowIfLessThan(Customers, 100, nameof(Customers));
        ArgumentOutOfRangeException.ThrowIfLessThan(Suppliers, 2, nameof(Suppliers));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Suppliers, 999, nameof(Suppliers));
        ArgumentNullException.ThrowIfNull(Scenarios, nameof(Scenarios));
        ArgumentNullException.ThrowIfNull(BadInput, nameof(BadInput));
        BadInput.Check();
    }
}
