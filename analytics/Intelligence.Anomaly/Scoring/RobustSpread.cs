using System.Runtime.InteropServices;

namespace Intelligence.Anomaly.Scoring;

/// <summary>
/// How far a series normally strays from its baseline, measured on the last
/// <see cref="ScorerOptions.ResidualPoints"/> residuals (a ring of fixed size): 1.4826 × the median
/// absolute residual (the standard deviation, were the residuals normal, but not widened by a past
/// spike). The same is measured for the residual averaged over <see cref="ScorerOptions.SmoothingPoints"/>,
/// rather than assumed to shrink by √k: residuals that run in streaks (most real series) average
/// down far less, and a score that ignored it would alarm on every streak. Floors keep a flat or
/// sparse series from alarming on a trifle: a share of the mean absolute residual (a mostly-constant
/// series has a median of 0, not a mean of 0), a share of the expected value, and √expected for counts (Poisson).
/// </summary>
internal static class RobustSpread
{
    private const double NormalConsistency = 1.4826;

    /// <summary>The spread of one residual and of the averaged one, and the averaged residual ending with <paramref name="residual"/>.</summary>
    public static (double Point, double Smoothed, double SmoothedResidual) Measure(
        SeriesScorerState state, double residual, double expected, SeriesKind kind, ScorerOptions options)
    {
        var ring = state.Residuals;
        var count = ring.Count;
        if (count == 0)
        {
            return (double.PositiveInfinity, double.PositiveInfinity, residual);
        }

        // The ring in time order, oldest first.
        var oldest = count < options.ResidualPoints ? 0 : state.ResidualNext % count;
        var stored = CollectionsMarshal.AsSpan(ring);
        Span<double> residuals = count <= 1024 ? stackalloc double[count] : new double[count];
        stored[oldest..].CopyTo(residuals);
        stored[..oldest].CopyTo(residuals[(count - oldest)..]);

        Span<double> scratch = count <= 1024 ? stackalloc double[count] : new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            scratch[i] = Math.Abs(residuals[i]);
            sum += scratch[i];
        }

        var floor = Math.Max(options.MeanResidualFloor * sum / count, options.RelativeFloor * Math.Abs(expected));
        if (kind == SeriesKind.Count)
        {
            floor = Math.Max(floor, Math.Sqrt(Math.Max(expected, 1)));
        }

        var point = Math.Max(NormalConsistency * Median(scratch), Math.Max(floor, 1e-9));

        // Rolling means of k consecutive residuals, and the one that ends with this point's residual.
        var k = Math.Clamp(options.SmoothingPoints, 1, count);
        var window = 0.0;
        for (var i = 0; i < count; i++)
        {
            window += residuals[i] - (i >= k ? residuals[i - k] : 0);
            scratch[i] = Math.Abs(window / k);
        }

        var smoothedResidual = (window - residuals[count - k] + residual) / k;
        var smoothed = Math.Max(NormalConsistency * Median(scratch[(k - 1)..]), Math.Max(floor / Math.Sqrt(k), 1e-9));
        return (point, smoothed, smoothedResidual);
    }

    /// <summary>Keeps the residual in the ring, overwriting the oldest once it is full.</summary>
    public static void Remember(SeriesScorerState state, double residual, ScorerOptions options)
    {
        if (state.Residuals.Count < options.ResidualPoints)
        {
            state.Residuals.Capacity = Math.Max(state.Residuals.Capacity, options.ResidualPoints); // one allocation of the ring's size, not doublings past it
            state.Residuals.Add(residual);
            return;
        }

        state.ResidualNext %= state.Residuals.Count;
        state.Residuals[state.ResidualNext++] = residual;
    }

    /// <summary>The middle value (the upper one of an even count), found by selection in linear time; reorders the span.</summary>
    private static double Median(Span<double> values)
    {
        var (low, high, k) = (0, values.Length - 1, values.Length / 2);
        while (low < high)
        {
            var pivot = values[low + ((high - low) / 2)];
            var (i, j) = (low, high);
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j) high = j;
            else if (k >= i) low = i;
            else break;
        }

        return values[k];
    }
}
