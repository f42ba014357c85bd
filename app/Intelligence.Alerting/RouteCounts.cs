namespace Intelligence.Alerting;

/// <summary>
/// What one route did with the notices it took, as of a moment. Every notice offered ends
/// delivered, failed or dropped, or is still <see cref="Pending"/> (queued or being sent).
/// </summary>
/// <param name="Offered">Notices the route took (its severity, teams and kinds matched).</param>
/// <param name="Delivered">Handed over: a 2xx answer, or written to the log.</param>
/// <param name="Retried">Attempts that failed and were tried again.</param>
/// <param name="Failed">Given up: refused by the receiver, or still failing after the last attempt.</param>
/// <param name="Dropped">Pushed out of a full queue (the oldest goes), or offered after shutdown began.</param>
public sealed record RouteCounts(string Route, string Channel, long Offered, long Delivered, long Retried, long Failed, long Dropped)
{
    public long Pending => Offered - Delivered - Failed - Dropped;
}
