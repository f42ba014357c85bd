namespace Intelligence.EventLog;

/// <summary>Where a record sits in a topic: its partition and its offset within it.</summary>
public readonly record struct LogPosition(int Partition, long Offset);

/// <summary>A record in a topic: its key, value and position.</summary>
public sealed record LogRecord<T>(string Key, T Value, LogPosition Position);
