using Intelligence.Contracts;
using Intelligence.EventLog;
using Intelligence.Testing;

namespace Intelligence.Ingest.Tests;

/// <summary>A gate over real in-process topics, with a fixed clock, for tests to drive and inspect.</summary>
public sealed class GateRig
{
    public GateRig(int partitionCapacity = 10_000, int duplicateWindow = 1_000)
    {
        Events = new InProcessTopic<AcceptedEvent>(
            new TopicOptions { Name = "events", Partitions = 4, PartitionCapacity = partitionCapacity }, e => e.ApproximateSize);
        DeadLetters = new InProcessTopic<DeadLetter>(new TopicOptions { Name = "dead-letters", Partitions = 1 }, d => d.ApproximateSize);
        Gate = new IngestGate(new EventReader(new EventReaderOptions(), Clock), new DuplicateFilter(duplicateWindow),
            Events, DeadLetters, new IngestCounters());
    }

    public static TimeProvider Clock { get; } = new FixedClock(SamplePayloads.Now);

    public static InputSource Source { get; } = new("test-source", Clock);

    public InProcessTopic<AcceptedEvent> Events { get; }

    public InProcessTopic<DeadLetter> DeadLetters { get; }

    public IngestGate Gate { get; }

    public ValueTask<IngestResult> SubmitAsync(byte[] input) => Gate.SubmitAsync(input, Source, CancellationToken.None);

    public static async Task<List<T>> DrainAsync<T>(InProcessTopic<T> topic)
    {
        topic.Complete();
        var reader = topic.Reader();
        var all = new List<LogRecord<T>>();
        while (await reader.ReadBatchAsync(all, int.MaxValue, CancellationToken.None))
        {
        }

        return all.Select(r => r.Value).ToList();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
