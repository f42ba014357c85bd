namespace Intelligence.Processors.Anomalies;

/// <summary>How a series' observations within one bucket make its value.</summary>
public enum BucketAggregation
{
    /// <summary>The sum (units ordered in the hour); an hour with no observation is 0.</summary>
    Sum,

    /// <summary>The last value (backlog lines at the end of the hour); an hour with none carries the last one over.</summary>
    Last,

    /// <summary>The mean (days late of the receipts); an hour with none is not a point.</summary>
    Mean,

    /// <summary>Σ value / Σ weight (contribution over net revenue); an hour with no weight is not a point.</summary>
    Ratio,
}
