using Intelligence.Contracts;
using Intelligence.EventLog;
using Intelligence.Ingest;
using Intelligence.Kafka;
using Intelligence.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intelligence.Kafka.Tests;

/// <summary>
/// The ingest producer with librdkafka itself, against a port where no broker listens: what it does
/// while Kafka is away is the part that must not lose or block anything it should not.
/// </summary>
public sealed class ProducerTests
{
    private static readonly KafkaOptions NoBroker = new() { BootstrapServers = "127.0.0.1:9" };

    [Fact]
    public async Task While_Kafka_is_away_the_local_queue_fills_and_then_the_source_waits_instead_of_buffering_more()
    {
        var options = new ProducerOptions { QueueMaxMessages = 1_000 };
        using var producer = new IngestProducer(NoBroker, options, Topics, new DuplicateFilter(10_000), NullLoggerFactory.Instance);
        var gate = Gate(producer, new DuplicateFilter(10_000));

        for (var i = 0; i < options.QueueMaxMessages; i++)
        {
            Assert.Equal(IngestStatus.Accepted, (await gate.SubmitAsync(Order(i), Source, CancellationToken.None)).Status);
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var waiting = gate.SubmitAsync(Order(options.QueueMaxMessages), Source, patience.Token).AsTask();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(options.QueueMaxMessages, producer.Ledger.Pending);
        Assert.Equal(0, producer.Ledger.Delivered);
    }

    [Fact]
    public async Task An_event_Kafka_gives_up_is_counted_its_batch_is_refused_and_a_resend_of_it_is_taken()
    {
        var duplicates = new DuplicateFilter(10_000);
        using var producer = new IngestProducer(NoBroker, new ProducerOptions { DeliveryTimeout = TimeSpan.FromMilliseconds(300) },
            Topics, duplicates, NullLoggerFactory.Instance);
        var gate = Gate(producer, duplicates);

        Assert.Equal(IngestStatus.Accepted, (await gate.SubmitAsync(Order(1), Source, CancellationToken.None)).Status);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var refused = await Assert.ThrowsAsync<RecordsNotLoggedException>(() => gate.FlushAsync(patience.Token).AsTask());

        Assert.Contains("resend the batch", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, producer.FailedEvents);
        Assert.Equal(0, producer.Ledger.Pending);
        Assert.Equal(IngestStatus.Accepted, (await gate.SubmitAsync(Order(1), Source, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_record_the_producer_holds_keeps_the_flush_waiting_until_Kafka_answers_for_it()
    {
        using var producer = new IngestProducer(NoBroker, new ProducerOptions { DeliveryTimeout = TimeSpan.FromSeconds(2) },
            Topics, new DuplicateFilter(10), NullLoggerFactory.Instance);
        var gate = Gate(producer, new DuplicateFilter(10));
        await gate.SubmitAsync(Order(7), Source, CancellationToken.None);

        var flush = gate.FlushAsync(CancellationToken.None).AsTask();
        await Task.Delay(500);

        Assert.False(flush.IsCompleted);
        await Assert.ThrowsAsync<RecordsNotLoggedException>(() => flush.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    private static TopicNames Topics { get; } = new("retail-events", "retail-fold-messages", "retail-outputs", "retail-dead-letters", "retail-alerts");

    private static InputSource Source { get; } = new("test", new FixedClock(SamplePayloads.Now));

    private static IngestGate Gate(IngestProducer producer, DuplicateFilter duplicates) =>
        new(new EventReader(new EventReaderOptions(), new FixedClock(SamplePayloads.Now)), duplicates, producer.Events,
            producer.DeadLetters, new IngestCounters());

    private static byte[] Order(int n) => EventBuilder.Of(EventTypes.OrderPlaced).WithId($"ord-{n}-placed").Build();
}
