using Intelligence.EventLog;

namespace Intelligence.Embedded.Checkpoints;

/// <summary>A topic of the in-process log as a checkpoint sees it, whatever its records are.</summary>
public interface ICheckpointedTopic
{
    string Name { get; }

    /// <summary>True once the topic holds half the bytes it may.</summary>
    bool HalfFull { get; }

    /// <summary>Each partition's next offset.</summary>
    long[] Offsets();

    /// <summary>Goes on from the offsets a checkpoint kept for this topic, before the first append.</summary>
    void Continue(IReadOnlyDictionary<string, long[]> offsets);
}

/// <summary>An <see cref="InProcessTopic{T}"/> with what a checkpoint needs of it.</summary>
public sealed class CheckpointedTopic<T>(InProcessTopic<T> topic) : ICheckpointedTopic
{
    public string Name => topic.Options.Name;

    public bool HalfFull => topic.BufferedBytes * 2 >= topic.Options.MaxBytes;

    public long[] Offsets() => [.. Enumerable.Range(0, topic.Partitions).Select(topic.EndOffset)];

    public void Continue(IReadOnlyDictionary<string, long[]> offsets) =>
        topic.StartAt(offsets.TryGetValue(Name, out var kept)
            ? kept
            : throw new InvalidOperationException($"The checkpoint has no offsets for topic '{Name}'."));

    /// <summary>The reader a consumer of this topic gets: cut at the barriers of a checkpointed run, or the topic's own.</summary>
    public ITopicReader<T> Reader(CheckpointBarrier? barrier) =>
        barrier is null ? topic.Reader() : new BarrierReader<T>(topic.Reader(), () => topic.Appended, () => topic.IsDrained, barrier);
}
