namespace Intelligence.Simulator.Feed;

/// <summary>
/// Decides which input slots carry a malformed input, a rule violation or a duplicate. The m-th of a
/// kind lands near slot m / fraction, jittered, so counts match the fraction closely while the
/// spacing still looks irregular.
/// </summary>
internal sealed class BadInputSchedule
{
    private static readonly InputKind[] Kinds = [InputKind.Duplicate, InputKind.Malformed, InputKind.SchemaViolation];

    private readonly Random _rng;
    private readonly double[] _fraction;
    private readonly long[] _taken = new long[Kinds.Length];
    private readonly double[] _dueAt = new double[Kinds.Length];

    public BadInputSchedule(Random rng, BadInputOptions options)
    {
        _rng = rng;
        _fraction = [options.Duplicates, options.Malformed, options.SchemaViolations];
        for (var k = 0; k < Kinds.Length; k++)
        {
            _dueAt[k] = DueAt(k);
        }
    }

    /// <summary>The bad kind due at <paramref name="slot"/>, if any.</summary>
    public InputKind? Due(long slot)
    {
        for (var k = 0; k < Kinds.Length; k++)
        {
            if (_fraction[k] > 0 && slot >= _dueAt[k])
            {
                return Kinds[k];
            }
        }

        return null;
    }

    /// <summary>Records that a due input of <paramref name="kind"/> was emitted.</summary>
    public void Taken(InputKind kind)
    {
        var k = Array.IndexOf(Kinds, kind);
        _taken[k]++;
        _dueAt[k] = DueAt(k);
    }

    private double DueAt(int k) =>
        _fraction[k] <= 0 ? double.MaxValue : (_taken[k] + 0.5 + (_rng.NextDouble() - 0.5) * 0.9) / _fraction[k];
}
