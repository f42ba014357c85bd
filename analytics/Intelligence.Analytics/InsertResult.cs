namespace Intelligence.Analytics;

/// <summary>
/// What an insert reported. <see cref="RowsWritten"/> follows ClickHouse's own summary: it includes
/// rows written by cascaded materialized views, and it counts a batch that was dropped as a
/// duplicate as if it had been written, so it cannot tell a replay from a first write.
/// </summary>
public sealed record InsertResult(ulong RowsWritten, TimeSpan Elapsed);
