namespace Intelligence.Simulator;

/// <summary>How much bad input to mix in; each value is a fraction (0 to 1) of all emitted inputs.</summary>
public sealed record BadInputOptions
{
    /// <summary>Broken JSON text, truncated JSON, invalid UTF-8 bytes.</summary>
    public double Malformed { get; init; }

    /// <summary>Valid JSON that breaks a rule: missing field, wrong type, negative quantity, unknown type,
    /// unknown schema version, far-future time, unknown field.</summary>
    public double SchemaViolations { get; init; }

    /// <summary>Exact re-sends of earlier events (same id, same bytes).</summary>
    public double Duplicates { get; init; }

    /// <summary>Events sent seconds to minutes after later events of other keys.</summary>
    public double OutOfOrder { get; init; }

    /// <summary>Events sent hours after they happened.</summary>
    public double Late { get; init; }

    public static BadInputOptions None { get; } = new();

    /// <summary>A realistic mix for a busy integration estate.</summary>
    public static BadInputOptions Default { get; } = new()
    {
        Malformed = 0.005,
        SchemaViolations = 0.005,
        Duplicates = 0.01,
        OutOfOrder = 0.02,
        Late = 0.005,
    };

    internal double Total => Malformed + SchemaViolations + Duplicates + OutOfOrder + Late;

    internal void Check()
    {
        Fraction(Malformed, nameof(Malformed));
        Fraction(SchemaViolations, nameof(SchemaViolations));
        Fraction(Duplicates, nameof(Duplicates));
        Fraction(OutOfOrder, nameof(OutOfOrder));
        Fraction(Late, nameof(Late));
        if (Total > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BadInputOptions), Total, "The bad-input fractions add up to more than 1.");
        }
    }

    private static void Fraction(double value, string name)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(name, value, "A bad-input fraction must be between 0 and 1.");
        }
    }
}
