namespace Intelligence.Sink.Consuming;

/// <summary>
/// What the sink needs from a Kafka consumer in a group, small enough for an in-memory fake: one
/// thread calls every member, and the assignment handlers run inside <see cref="Poll"/> on it.
/// </summary>
public interface ISinkConsumer : IDisposable
{
    /// <summary>The partitions this member holds now.</summary>
    IReadOnlyList<PartitionId> Assignment { get; }

    /// <summary>
    /// Joins the group on <paramref name="topics"/>. <paramref name="assigned"/> and
    /// <paramref name="revoked"/> (also for partitions lost) are called from inside
    /// <see cref="Poll"/> with the partitions that were added or taken away.
    /// </summary>
    void Subscribe(IReadOnlyList<string> topics, Action<IReadOnlyList<PartitionId>> assigned, Action<IReadOnlyList<PartitionId>> revoked);

    /// <summary>The next record of an assigned, unpaused partition, or null when none came within <paramref name="timeout"/>.</summary>
    SinkRecord? Poll(TimeSpan timeout);

    /// <summary>The group's committed offsets (the next offset to read) of <paramref name="partitions"/>; null where none is committed.</summary>
    IReadOnlyDictionary<PartitionId, long?> Committed(IReadOnlyList<PartitionId> partitions);

    /// <summary>Commits the next offsets to read, synchronously: when it returns, the group has them.</summary>
    void Commit(IReadOnlyList<PartitionOffset> offsets);

    /// <summary>The next offset this member will read from <paramref name="partition"/>, when known.</summary>
    long? Position(PartitionId partition);

    /// <summary>The partition's high watermark as last seen (no broker call), when known.</summary>
    long? HighWatermark(PartitionId partition);

    /// <summary>Stops returning records of <paramref name="partitions"/> until resumed; their positions stay.</summary>
    void Pause(IReadOnlyList<PartitionId> partitions);

    void Resume(IReadOnlyList<PartitionId> partitions);

    /// <summary>Makes <paramref name="offset"/> the next record read from an assigned partition.</summary>
    void Seek(PartitionId partition, long offset);

    /// <summary>
    /// Reads the committed records of any partition, assigned or not, from <paramref name="first"/>
    /// to <paramref name="last"/> inclusive, outside the group (nothing is committed). Records the
    /// topic no longer holds are missing from the result.
    /// </summary>
    IReadOnlyList<SinkRecord> ReadRange(PartitionId partition, long first, long last, CancellationToken cancellationToken);

    /// <summary>Leaves the group (its partitions go to the other members at once).</summary>
    void Close();
}
