namespace Intelligence.Kafka;

/// <summary>
/// The record headers the distributed roles agree on: who writes them is named on each. Kept here,
/// where the producers, the processors and the sink can all see them, so no role spells one itself.
/// </summary>
public static class RecordHeaders
{
    /// <summary>On the outputs topic (written by the processors): the table the row belongs to.</summary>
    public const string Table = "table";

    /// <summary>On the events topic (written by ingest): the input the event came through (<c>simulator</c>, <c>http:webstore</c>).</summary>
    public const string InputSource = "input-source";
}
