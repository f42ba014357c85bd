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

    /// <summary>The simulated time the run covers: it grows with <see cref="Events"/>, from one week to 120 days.</summary>
    public TimeSpan Span => TimeSpan.FromDays(Math.Clamp(Events / Planning.RunPlan.EventsPerDay, 7, 120));

    /// <summary>Throws when a value would make the world impossible to simulate.</summary>
    internal void Check()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Events, nameof(Events));
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
