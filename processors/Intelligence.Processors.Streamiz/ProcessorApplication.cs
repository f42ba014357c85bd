using Confluent.Kafka;
using Intelligence.Kafka;
using Microsoft.Extensions.Logging;
using Streamiz.Kafka.Net.Kafka;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using FoldTopology = Intelligence.Processors.Flow.Topology;
using KafkaTopology = Streamiz.Kafka.Net.Stream.Topology;

namespace Intelligence.Processors.Streamiz;

/// <summary>
/// The processors as a Kafka Streams application: the fold topology hosted by Streamiz, configured
/// from <see cref="KafkaProcessingOptions"/>. The topics must exist; the messages topic decides the
/// parallelism (one task per partition), the changelog topics are created by Streamiz.
/// </summary>
public sealed class ProcessorApplication : IDisposable
{
    private KafkaStream? _stream;
    private volatile string _state = "CREATED";

    public ProcessorApplication(FoldTopology topology, KafkaProcessingOptions options, ILoggerFactory? logging = null,
        KafkaOptions? connection = null)
    {
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Kafka processing settings are invalid: {string.Join("; ", problems)}", nameof(options));
        }

        Options = options;
        Config = Configure(options, logging, connection);
        Topology = KafkaFoldTopology.Build(topology, options);
    }

    public KafkaProcessingOptions Options { get; }

    public StreamConfig Config { get; }

    public KafkaTopology Topology { get; }

    /// <summary>The topics the application reads and writes; all must exist before it starts.</summary>
    public IReadOnlyList<string> Topics => Options.Names.All;

    /// <summary>The stream's state as Streamiz names it: CREATED, REBALANCING, RUNNING, PENDING_SHUTDOWN, NOT_RUNNING or ERROR.</summary>
    public string State => _state;

    /// <summary>Running or rebalancing (a rebalance is part of normal life: instances come and go).</summary>
    public bool Healthy => _state is "RUNNING" or "REBALANCING";

    /// <summary>Told of every state change, old then new (Streamiz's stream thread calls it: keep it short).</summary>
    public event Action<string, string>? StateChanged;

    public static StreamConfig Configure(KafkaProcessingOptions options, ILoggerFactory? logging = null,
        KafkaOptions? connection = null)
    {
        var config = new StreamConfig<StringSerDes, ByteArraySerDes>
        {
            ApplicationId = options.ApplicationId,
            BootstrapServers = options.BootstrapServers,
            Guarantee = options.Guarantee == DeliveryGuarantee.ExactlyOnce
                ? ProcessingGuarantee.EXACTLY_ONCE
                : ProcessingGuarantee.AT_LEAST_ONCE,
            StateDir = options.StateDirectory,
            CommitIntervalMs = (long)options.CommitInterval.TotalMilliseconds,
            NumStreamThreads = options.Threads,

            // A signal sent under a new key must land in that key's partition, never stay in the
            // partition it came from: the producer places every record by its key, with Kafka's
            // default (Java) partitioner, as ingest and the in-process event log do.
            DefaultPartitionerReshuffleEveryKey = true,
            Partitioner = Partitioner.Murmur2Random,

            // A new application reads the whole log: the folds' state is built from the first event.
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
        if (logging is not null)
        {
            config.Logger = logging;
        }

        if (connection is not null)
        {
            Secure(config, connection);
        }

        return config;
    }

    /// <summary>
    /// Starts the stream threads: stores are restored from their changelogs, then records flow.
    /// <paramref name="supplier"/> replaces the Kafka clients (Streamiz's in-memory cluster in tests).
    /// The stream is stopped only by <see cref="Dispose"/>: no token is handed to Streamiz, whose
    /// <c>StartAsync(token)</c> would close the stream from the token's callback as well, and two closes
    /// at once fail (one disposes the shutdown source the other is cancelling).
    /// </summary>
    public async Task StartAsync(IKafkaSupplier? supplier = null)
    {
        if (_stream is not null)
        {
            throw new InvalidOperationException("The processors are already started.");
        }

        _stream = supplier is null ? new KafkaStream(Topology, Config) : new KafkaStream(Topology, Config, supplier);
        _stream.StateChanged += (old, now) =>
        {
            _state = now.ToString();
            StateChanged?.Invoke(old.ToString(), now.ToString());
        };
        await _stream.StartAsync();
    }

    /// <summary>A fold's store as this instance holds it (its partitions only), state as JSON by key: for operators and tests.</summary>
    public IReadOnlyDictionary<string, string> StoreContents(string fold)
    {
        var stream = _stream ?? throw new InvalidOperationException("The processors are not started.");
        var store = stream.Store(StoreQueryParameters.FromNameAndType(fold, QueryableStoreTypes.KeyValueStore<string, byte[]>()));
        var contents = new Dictionary<string, string>(StringComparer.Ordinal);
        using var all = store.All().GetEnumerator();
        while (all.MoveNext())
        {
            contents[all.Current.Key] = System.Text.Encoding.UTF8.GetString(all.Current.Value);
        }

        return contents;
    }

    /// <summary>
    /// Stops gracefully: the stream threads finish the records in hand, commit, flush and close the
    /// stores (the next start restores only what the changelog has past the local files).
    /// </summary>
    public void Dispose() => _stream?.Dispose();

    private static void Secure(StreamConfig config, KafkaOptions connection)
    {
        // Only what is set: Streamiz keeps every property it is given, and librdkafka refuses empty ones.
        foreach (var (key, value) in KafkaClients.Configure(new ClientConfig(), connection).Where(kv => kv.Value is not null))
        {
            config.AddConfig(key, value);
        }
    }
}
