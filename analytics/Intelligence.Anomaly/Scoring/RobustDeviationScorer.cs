namespace Intelligence.Anomaly.Scoring;

/// <summary>
/// Scores one series point by point, in bounded memory: how far a value lies from the median of
/// the recent history, in robust standard deviations (1.4826 × MAD), averaged over the last few
/// points and squashed into [0, 1). A detection is held for a while so that a sustained deviation
/// is one incident. Robust statistics: a past spike does not widen the baseline as it would a mean
/// and standard deviation.
/// </summary>
public sealed class RobustDeviationScorer(RobustScorerOptions options)
{
    private readonly Queue<double> _history = new();
    private readonly Queue<double> _deviations = new();
    private double _deviationSum;
    private int _held;

    public double Score(double value)
    {
        var deviation = _history.Count >= options.MinimumHistory ? Deviation(value) : 0;
        Push(_history, value, options.HistoryPoints);
        _deviations.Enqueue(deviation);
        _deviationSum += deviation;
        if (_deviations.Count > options.SmoothingPoints)
        {
            _deviationSum -= _deviations.Dequeue();
        }

        var score = 1 - Math.Exp(-(_deviationSum / _deviations.Count) / options.Scale);
        if (score >= options.Threshold)
        {
            _held = options.HoldPoints;
        }
        else if (_held > 0 && --_held > 0)
        {
            score = Math.Max(score, options.Threshold);
        }

        return score;
    }

    private double Deviation(double value)
    {
        var sorted = _history.ToArray();
        Array.Sort(sorted);
        var median = Median(sorted);
        var spread = new double[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            spread[i] = Math.Abs(sorted[i] - median);
        }

        Array.Sort(spread);
        var mad = Median(spread);
        if (mad == 0)
        {
            mad = 1e-9 + StandardDeviation(sorted); // a flat history: fall back so that any change still registers
        }

        return Math.Abs(value - median) / (1.4826 * mad);
    }

    private static void Push(Queue<double> queue, double value, int capacity)
    {
        queue.Enqueue(value);
        if (queue.Count > capacity)
        {
            queue.Dequeue();
        }
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }
}
