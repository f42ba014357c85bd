using System.Text.RegularExpressions;
using Intelligence.Kafka;

namespace Intelligence.Processors.Streamiz;

/// <summary>
/// How the processors run on Kafka: the Streamiz application, its topics and its state stores.
/// Bound from configuration section <c>Kafka:Processing</c>.
/// </summary>
public sealed partial record KafkaProcessingOptions
{
    /// <summary>
    /// The Streamiz application id: the consumer group, the prefix of the changelog topics and the
    /// folder of the local stores. Instances with the same id share the work by partition.
    /// </summary>
    public string ApplicationId { get; init; } = "intelligence-processors";

    /// <summary>Kafka brokers, <c>host:port</c> separated by commas.</summary>
    public string BootstrapServers { get; init; } = "localhost:9092";

    /// <summary>The accepted events as ingest writes them: key = partition key, value = envelope JSON.</summary>
    public string EventsTopic { get; init; } = "retail-events";

    /// <summary>
    /// Fold inputs under the key whose state they change: an event's payload, a router's output or a
    /// signal one fold sends another. Re-keying happens here, so each key's state lives in its partition.
    /// </summary>
    public string MessagesTopic { get; init; } = "retail-fold-messages";

    /// <summary>The rows the folds write: key = <c>table|row key</c>, value = the row's JSON (snake_case columns).</summary>
    public string OutputsTopic { get; init; } = "retail-outputs";

    /// <summary>
    /// Alert notices (opened, updated, escalated, resolved), key = alert id, value = the notice's JSON as in
    /// <c>alert_notices</c>: what planners' tools and the webhook relay consume. They are in the outputs topic too.
    /// </summary>
    public string AlertsTopic { get; init; } = "retail-alerts";

    /// <summary>Inputs that could not be read and inputs a fold threw on, as rows of <c>dead_letters</c>.</summary>
    public string DeadLetterTopic { get; init; } = "retail-dead-letters";

    /// <summary>Exactly once (Kafka transactions: outputs, store changelogs and offsets commit together) or at least once.</summary>
    public DeliveryGuarantee Guarantee { get; init; } = DeliveryGuarantee.ExactlyOnce;

    /// <summary>Where the local state stores live (RocksDB files); rebuilt from the changelogs when lost.</summary>
    public string StateDirectory { get; init; } = "data/kafka-state";

    /// <summary>How often progress is committed: the most output a consumer reading committed data waits for.</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>RocksDB (on disk, for production) or in memory (tests, small runs); both are changelogged.</summary>
    public StoreKind Stores { get; init; } = StoreKind.RocksDb;

    /// <summary>Stream threads in this instance; more than the topics' partitions leaves threads idle.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The topic names, for the catalogue and the other roles.</summary>
    public TopicNames Names => new(EventsTopic, MessagesTopic, OutputsTopic, DeadLetterTopic, AlertsTopic);

    public IEnumerable<string> Problems()
    {
        if (!KafkaName().IsMatch(ApplicationId))
        {
            yield return $"Kafka:Processing:ApplicationId '{ApplicationId}' must be 1 to 200 characters of letters, digits, '.', '_' or '-'";
        }

        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            yield return "Kafka:Processing:BootstrapServers must name at least one broker (host:port)";
        }

        var topics = new (string Setting, string Name)[]
        {
            (nameof(EventsTopic), EventsTopic), (nameof(MessagesTopic), MessagesTopic),
            (nameof(OutputsTopic), OutputsTopic), (nameof(DeadLetterTopic), DeadLetterTopic), (nameof(AlertsTopic), AlertsTopic),
        };
        foreach (var (setting, name) in topics.Where(t => !KafkaName().IsMatch(t.Name) || t.Name is "." or ".."))
        {
            yield return $"Kafka:Processing:{setting} '{name}' must be a Kafka topic name: 1 to 200 characters of letters, digits, '.', '_' or '-'";
        }

        foreach (var same in topics.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"Kafka:Processing:{string.Join(" and ", same.Select(t => t.Setting))} are all '{same.Key}': each needs its own topic";
        }

        if (!Enum.IsDefined(Guarantee))
        {
            yield return $"Kafka:Processing:Guarantee must be {DeliveryGuarantee.ExactlyOnce} or {DeliveryGuarantee.AtLeastOnce}";
        }

        if (string.IsNullOrWhiteSpace(StateDirectory))
        {
            yield return "Kafka:Processing:StateDirectory must be a folder path";
        }

        if (CommitInterval < TimeSpan.FromMilliseconds(10) || CommitInterval > TimeSpan.FromMinutes(10))
        {
            yield return $"Kafka:Processing:CommitInterval {CommitInterval} must be from 00:00:00.010 to 00:10:00";
        }

        if (!Enum.IsDefined(Stores))
        {
            yield return $"Kafka:Processing:Stores must be {StoreKind.RocksDb} or {StoreKind.InMemory}";
        }

        if (Threads is < 1 or > 64)
        {
            yield return $"Kafka:Processing:Threads {Threads} must be from 1 to 64";
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,200}$")]
    private static partial Regex KafkaName();
}

/// <summary>What a record processed once may cost when an instance fails.</summary>
public enum DeliveryGuarantee
{
    /// <summary>Outputs, store changes and input offsets commit in one Kafka transaction.</summary>
    ExactlyOnce,

    /// <summary>Cheaper; after a failure the inputs since the last commit are processed again.</summary>
    AtLeastOnce,
}

/// <summary>Where a fold's state store keeps its keys; the changelog topic backs either.</summary>
public enum StoreKind
{
    RocksDb,
    InMemory,
}
