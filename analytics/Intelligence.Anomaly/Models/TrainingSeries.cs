using Intelligence.Anomaly.Scoring;

namespace Intelligence.Anomaly.Models;

/// <summary>One series' history to train its family's model on, in time order (<c>demand</c> / <c>demand:web</c>).</summary>
public sealed record TrainingSeries(string Family, string Series, SeriesKind Kind, IReadOnlyList<(DateTimeOffset At, double Value)> Points);
