namespace Intelligence.Anomaly.Evaluation;

/// <summary>One point of a series with the anomaly score a detector gave it.</summary>
public readonly record struct ScoredPoint(DateTime At, double Score);

/// <summary>A labelled stretch of a series in which an anomaly lies (inclusive at both ends).</summary>
public readonly record struct AnomalyWindow(DateTime Start, DateTime End)
{
    public bool Overlaps(Episode episode) => episode.Start <= End && episode.End >= Start;
}

/// <summary>Consecutive detections (points scored at or above the threshold): one alert as a person would see it.</summary>
public readonly record struct Episode(DateTime Start, DateTime End);
