using System.Text.RegularExpressions;
using Intelligence.Analytics;

namespace Intelligence.Sink;

/// <summary>
/// How the ClickHouse sink consumes Kafka and batches into the analytics store. Bound from
/// configuration section <c>Kafka:Sink</c>; the brokers and their security come from
/// <c>Kafka</c> (<see cref="Intelligence.Kafka.KafkaOptions"/>).
/// </summary>
public sealed partial record KafkaSinkOptions
{
    public const string Section = "Kafka:Sink";

    /// <summary>
    /// The consumer group. Instances with the same group share the partitions; offsets, batch plans
    /// and deduplication tokens belong to it, so a new group id reads every topic again from the start.
    /// </summary>
    public string GroupId { get; init; } = "intelligence-clickhouse-sink";

    /// <summary>The analytics database the tables live in.</summary>
    public string Database { get; init; } = "intelligence";

    /// <summary>Accepted events (envelope JSON), stored as rows of <c>raw_events</c>.</summary>
    public string EventsTopic { get; init; } = "retail-events";

    /// <summary>The processors' rows, header <c>table</c>, stored as they are in that table.</summary>
    public string OutputsTopic { get; init; } = "retail-outputs";

    /// <summary>Rows of <c>dead_letters</c>, stored as they are.</summary>
    public string DeadLetterTopic { get; init; } = "retail-dead-letters";

    /// <summary>Most records in one batch (each record is one row).</summary>
    public int MaxBatchRows { get; init; } = 50_000;

    /// <summary>Most bytes of row JSON in one batch; a batch may pass it by the one record that reached it.</summary>
    public int MaxBatchBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>How long a batch waits for more records after its first before it is stored.</summary>
    public TimeSpan Linger { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>First wait after a failed insert; doubles (with jitter) up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The consumer's prefetch queue (librdkafka <c>queued.max.messages.kbytes</c>): the most it holds ahead of the batch.</summary>
    public int QueuedMaxMessagesKbytes { get; init; } = 16 * 1024;

    /// <summary>Most bytes one fetch from the brokers returns (librdkafka <c>fetch.max.bytes</c>).</summary>
    public int FetchMaxBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// How long the sink may go without polling before the group takes its partitions away
    /// (<c>max.poll.interval.ms</c>). While a store outage holds a batch, the sink polls with its
    /// partitions paused every tenth of this, so it keeps them.
    /// </summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The topics the sink subscribes to, in the order they are listed.</summary>
    public IReadOnlyList<string> Topics => [EventsTopic, OutputsTopic, DeadLetterTopic];

    /// <summary>The retry policy of every store call.</summary>
    public Backoff Backoff => new(InitialBackoff, MaxBackoff);

    public IEnumerable<string> Problems()
    {
        if (!KafkaName().IsMatch(GroupId))
        {
            yield return $"Kafka:Sink:GroupId '{GroupId}' must be 1 to 200 characters of letters, digits, '.', '_' or '-'";
        }

        if (!Identifier().IsMatch(Database))
        {
            yield return $"Kafka:Sink:Database '{Database}' must be 1 to 63 letters, digits or '_', starting with a letter or '_'";
        }

        var topics = new (string Setting, string Name)[]
        {
            (nameof(EventsTopic), EventsTopic), (nameof(OutputsTopic), OutputsTopic), (nameof(DeadLetterTopic), DeadLetterTopic),
        };
        foreach (var (setting, name) in topics.Where(t => !KafkaName().IsMatch(t.Name) || t.Name is "." or ".."))
        {
            yield return $"Kafka:Sink:{setting} '{name}' must be a Kafka topic name: 1 to 200 characters of letters, digits, '.', '_' or '-'";
        }

        foreach (var same in topics.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"Kafka:Sink:{string.Join(" and ", same.Select(t => t.Setting))} are all '{same.Key}': each needs its own topic";
        }

        foreach (var problem in Limits())
        {
            yield return problem;
        }
    }

    private IEnumerable<string> Limits()
    {
        if (MaxBatchRows is < 1 or > 1_000_000)
        {
            yield return $"Kafka:Sink:MaxBatchRows {MaxBatchRows} must be from 1 to 1000000";
        }

        if (MaxBatchBytes is < 64 * 1024 or > 1024 * 1024 * 1024)
        {
            yield return $"Kafka:Sink:MaxBatchBytes {MaxBatchBytes} must be from 65536 (64 KiB) to 1073741824 (1 GiB)";
        }

        if (Linger < TimeSpan.Zero || Linger > TimeSpan.FromMinutes(5))
        {
            yield return $"Kafka:Sink:Linger {Linger} must be from 00:00:00 to 00:05:00";
        }

        if (InitialBackoff < TimeSpan.FromMilliseconds(1) || InitialBackoff > TimeSpan.FromMinutes(1))
        {
            yield return $"Kafka:Sink:InitialBackoff {InitialBackoff} must be from 00:00:00.001 to 00:01:00";
        }

        if (MaxBackoff < InitialBackoff || MaxBackoff > TimeSpan.FromMinutes(10))
        {
            yield return $"Kafka:Sink:MaxBackoff {MaxBackoff} must be from InitialBackoff ({InitialBackoff}) to 00:10:00";
        }

        if (QueuedMaxMessagesKbytes is < 1024 or > 2_097_151)
        {
            yield return $"Kafka:Sink:QueuedMaxMessagesKbytes {QueuedMaxMessagesKbytes} must be from 1024 to 2097151";
        }

        if (FetchMaxBytes is < 1024 * 1024 or > 2_147_483_135)
        {
            yield return $"Kafka:Sink:FetchMaxBytes {FetchMaxBytes} must be from 1048576 (1 MiB) to 2147483135";
        }

        // librdkafka refuses a poll interval below the session timeout (45 s by default).
        if (MaxPollInterval < TimeSpan.FromSeconds(45) || MaxPollInterval > TimeSpan.FromHours(24))
        {
            yield return $"Kafka:Sink:MaxPollInterval {MaxPollInterval} must be from 00:00:45 to 1.00:00:00";
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,200}\z")]
    private static partial Regex KafkaName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,62}\z")]
    private static partial Regex Identifier();
}
