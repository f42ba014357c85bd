namespace Intelligence.Sink.Consuming;

/// <summary>One partition of one topic.</summary>
public readonly record struct PartitionId(string Topic, int Partition)
{
    /// <summary>By topic (ordinal), then partition: the order rows and ranges are written in, so a replay writes them the same.</summary>
    public static IComparer<PartitionId> Order { get; } = Comparer<PartitionId>.Create((a, b) =>
    {
        var byTopic = string.CompareOrdinal(a.Topic, b.Topic);
        return byTopic != 0 ? byTopic : a.Partition.CompareTo(b.Partition);
    });

    public override string ToString() => $"{Topic}[{Partition}]";
}

/// <summary>An offset in a partition: for a commit, the next offset to read.</summary>
public readonly record struct PartitionOffset(PartitionId Partition, long Offset);
