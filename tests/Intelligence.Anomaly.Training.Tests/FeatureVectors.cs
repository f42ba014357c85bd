using Intelligence.Anomaly.Scoring;

namespace Intelligence.Anomaly.Training.Tests;

/// <summary>Feature vectors of the scorer's length: near a 3-dimensional subspace, or scattered off it.</summary>
public static class FeatureVectors
{
    public const int Dimension = SeriesFeatures.Count;

    public static List<float[]> OnAPlane(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var (a, b, c) = (Normal(random), Normal(random), Normal(random));
            return Enumerable.Range(0, Dimension)
                .Select(i => (float)(1 + (a * Math.Sin(i + 1)) + (b * Math.Cos(2 * i)) + (c * (i % 3 == 0 ? 1 : -0.5)) + (0.01 * Normal(random))))
                .ToArray();
        }).ToList();
    }

    public static List<float[]> Scattered(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, Dimension).Select(_ => (float)(1 + (3 * Normal(random)))).ToArray()).ToList();
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
