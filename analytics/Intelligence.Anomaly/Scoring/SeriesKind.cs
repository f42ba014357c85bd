namespace Intelligence.Anomaly.Scoring;

/// <summary>What a series' values are, which sets the least spread a deviation is measured in.</summary>
public enum SeriesKind
{
    /// <summary>A level or a mean (backlog lines, days late, a rate): the spread is learned from the values alone.</summary>
    Level,

    /// <summary>A count in a bucket (units ordered in an hour): the spread is at least Poisson's, √expected, so a sparse series does not alarm on one order.</summary>
    Count,
}
