using System.Text;
using Intelligence.Contracts;
using Intelligence.Processors.Flow;
using Microsoft.Extensions.Logging.Abstractions;
using Streamiz.Kafka.Net.Mock;
using Streamiz.Kafka.Net.SerDes;

namespace Intelligence.Processors.Streamiz;

/// <summary>
/// A fold topology hosted by Streamiz in its <see cref="TopologyTestDriver"/> (synchronous mode, in-memory
/// stores): events go in as ingest writes them, every record on the messages topic is processed before
/// the next event, and what came out is kept: rows, dead letters, stores. No broker: for the tests and
/// for `intelligence bench`, which sets it beside the embedded engine.
/// </summary>
public sealed class TestDriverRun : IDisposable
{
    private readonly TopologyTestDriver _driver;
    private readonly TestInputTopic<string, byte[]> _events;
    private readonly TestInputTopic<string, byte[]> _messages;
    private readonly TestOutputTopic<string, byte[]> _outputs;
    private readonly TestOutputTopic<string, byte[]> _deadLetters;

    public TestDriverRun(Topology topology, KafkaProcessingOptions? options = null)
    {
        Topology = topology;
        Options = (options ?? new KafkaProcessingOptions()) with { Stores = StoreKind.InMemory, Guarantee = DeliveryGuarantee.AtLeastOnce };
        KafkaTopology = KafkaFoldTopology.Build(topology, Options);
        _driver = new TopologyTestDriver(KafkaTopology, ProcessorApplication.Configure(Options, NullLoggerFactory.Instance));
        _events = _driver.CreateInputTopic(Options.EventsTopic, new StringSerDes(), new ByteArraySerDes());
        _messages = _driver.CreateInputTopic(Options.MessagesTopic, new StringSerDes(), new ByteArraySerDes());
        _outputs = _driver.CreateOutputTopic(Options.OutputsTopic, TimeSpan.Zero, new StringSerDes(), new ByteArraySerDes());
        _deadLetters = _driver.CreateOutputTopic(Options.DeadLetterTopic, TimeSpan.Zero, new StringSerDes(), new ByteArraySerDes());
    }

    public Topology Topology { get; }

    public KafkaProcessingOptions Options { get; }

    public global::Streamiz.Kafka.Net.Stream.Topology KafkaTopology { get; }

    /// <summary>Rows in the order they reached the outputs topic: key, table header, JSON.</summary>
    public List<(string Key, string Table, string Json)> Rows { get; } = [];

    public List<(string Key, string Json)> DeadLetters { get; } = [];

    public static byte[] Envelope(RetailEvent e) => EnvelopeWriter.ToBytes(e.Id, e.Type, e.Source, e.OccurredAt, e.Key, e.Payload);

    public TestDriverRun Feed(RetailEvent e) => Feed(e.Key, Envelope(e), e.OccurredAt);

    /// <summary>Writes a record to the events topic as ingest would, then lets every re-keyed message through.</summary>
    public TestDriverRun Feed(string key, byte[] value, DateTimeOffset recordTime)
    {
        _events.PipeInput(key, value, recordTime.UtcDateTime);
        Drain();
        return this;
    }

    /// <summary>
    /// Feeds events in order as the parity tests do: each written to the events topic, and stream time
    /// moved with a marker after each event that moves it, which is where the engine fires its timers.
    /// </summary>
    public TestDriverRun FeedAll(IEnumerable<RetailEvent> events)
    {
        var streamTime = DateTimeOffset.MinValue;
        foreach (var e in events)
        {
            Feed(e);
            if (e.OccurredAt > streamTime)
            {
                streamTime = e.OccurredAt;
                AdvanceTo(streamTime);
            }
        }

        return this;
    }

    /// <summary>Moves the partition's stream time with a marker on the messages topic; due timers fire.</summary>
    public TestDriverRun AdvanceTo(DateTimeOffset streamTime)
    {
        _messages.PipeInput("stream-time", MessageRecord.StreamTimeMarker(streamTime), streamTime.UtcDateTime);
        Drain();
        return this;
    }

    /// <summary>Writes a record straight to the messages topic, as another instance's fold would.</summary>
    public TestDriverRun SendMessage(string key, byte[] value, DateTimeOffset recordTime)
    {
        _messages.PipeInput(key, value, recordTime.UtcDateTime);
        Drain();
        return this;
    }

    /// <summary>Every fold key's state as the store keeps it (JSON).</summary>
    public Dictionary<string, string> Store(string fold)
    {
        var store = _driver.GetKeyValueStore<string, byte[]>(fold)
            ?? throw new InvalidOperationException($"The topology has no store '{fold}' (or no message reached it).");
        return store.All().ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetString(kv.Value), StringComparer.Ordinal);
    }

    /// <summary>Everything written to a topic since it was last read, e.g. a changelog.</summary>
    public List<(string Key, byte[] Value)> Read(string topic)
    {
        var output = _driver.CreateOutputTopic(topic, TimeSpan.Zero, new StringSerDes(), new ByteArraySerDes());
        return output.ReadKeyValueList().Select(r => (r.Message.Key, r.Message.Value)).ToList();
    }

    public void Dispose() => _driver.Dispose();

    // Forwarding the messages topic to its task until it is empty is what a running application does
    // continuously; the driver does it when asked (advancing its mock wall clock by nothing).
    private void Drain()
    {
        _driver.AdvanceWallClockTime(TimeSpan.Zero);
        foreach (var r in _outputs.ReadKeyValueList())
        {
            var table = r.Message.Headers.TryGetLastBytes(RowRecords.TableHeader, out var name) ? Encoding.UTF8.GetString(name) : "";
            Rows.Add((r.Message.Key, table, Encoding.UTF8.GetString(r.Message.Value)));
        }

        foreach (var r in _deadLetters.ReadKeyValueList())
        {
            DeadLetters.Add((r.Message.Key, Encoding.UTF8.GetString(r.Message.Value)));
        }
    }
}
