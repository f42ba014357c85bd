using System.Reflection;
using System.Text;
using Confluent.Kafka;
using Intelligence.Contracts;
using Intelligence.Kafka;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Kafka;

namespace Intelligence.Processors.Streamiz.Tests.Support;

/// <summary>
/// Streamiz's in-memory Kafka cluster (<c>MockKafkaSupplier</c>, internal in 1.8.2, so made by
/// reflection): a whole <see cref="KafkaStream"/> application runs on it in process, with admin,
/// producers, consumers and rebalances, and no broker.
/// </summary>
public sealed class MockCluster
{
    public MockCluster(int partitions = 1)
    {
        var type = typeof(KafkaStream).Assembly.GetType("Streamiz.Kafka.Net.Mock.Kafka.MockKafkaSupplier", throwOnError: true)!;
        Supplier = (IKafkaSupplier)Activator.CreateInstance(type, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic,
            null, [partitions, 0L, true], null)!;
    }

    public IKafkaSupplier Supplier { get; }

    /// <summary>Creates the catalogue's topics with the admin code the <c>topics</c> command runs, one partition each.</summary>
    public async Task<IReadOnlyList<TopicOutcome>> CreateTopicsAsync(TopicNames names)
    {
        using var admin = Supplier.GetAdmin(new AdminClientConfig());
        return await TopicAdmin.EnsureAsync(admin, TopicCatalog.Declare(names, new TopicsOptions { Partitions = 1 }),
            TimeSpan.FromSeconds(5), "in-memory");
    }

    /// <summary>Writes events to the events topic as the ingest role does: key, envelope, record time = received.</summary>
    public void Produce(string topic, IEnumerable<RetailEvent> events)
    {
        using var producer = Supplier.GetProducer(new ProducerConfig());
        foreach (var e in events)
        {
            producer.Produce(topic, new Message<byte[], byte[]>
            {
                Key = Encoding.UTF8.GetBytes(e.Key),
                Value = TestDriverRun.Envelope(e),
                Timestamp = new Timestamp(e.OccurredAt),
            });
        }

        producer.Flush(TimeSpan.FromSeconds(10));
    }

    /// <summary>Reads a topic from the start until <paramref name="enough"/> holds or the time is up.</summary>
    public List<ConsumeResult<byte[], byte[]>> ReadUntil(string topic, Func<int, bool> enough, TimeSpan timeout)
    {
        using var consumer = Supplier.GetConsumer(
            new ConsumerConfig { GroupId = $"test-reader-{Guid.NewGuid():N}", ClientId = "test-reader", AutoOffsetReset = AutoOffsetReset.Earliest }, null);
        consumer.Subscribe(topic);
        var records = new List<ConsumeResult<byte[], byte[]>>();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !enough(records.Count))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { Message: not null } record)
            {
                records.Add(record);
            }
        }

        // Anything more that was coming (a difference the comparison must see) has a moment to arrive.
        var settle = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        while (DateTime.UtcNow < settle)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { Message: not null } record)
            {
                records.Add(record);
            }
        }

        return records;
    }
}
