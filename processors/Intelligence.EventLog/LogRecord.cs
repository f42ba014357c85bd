namespace Intelligence.EventLog;

/// <summary>Where a record sits in a topic: its partition and its offset within it.</summary>
public readonly record struct LogPosition(int Partition, long Offset);

/// <summary>
/// A record in a topic: its key, value and position. <see cref="Sequence"/> numbers the in-process
/// topic's appends across all partitions (0, 1, 2, ... with no gap), so a reader can take records in
/// the order they were logged, whatever partition they went to.
/// </summary>
public sealed record LogRecord<T>(string Key, T Value, LogPosition Position)
{
    public long Sequence { get; init; }
}
