using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;
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

    public ProcessorApplication(FoldTopology topology, KafkaProcessingOptions options, ILoggerFactory? logging = null)
    {
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Kafka processing settings are invalid: {string.Join("; ", problems)}", nameof(options));
        }

        Options = options;
        Config = Configure(options, logging);
        Topology = KafkaFoldTopology.Build(topology, options);
    }

    public KafkaProcessingOptions Options { get; }

    public StreamConfig Config { get; }

    public KafkaTopology Topology { get; }

    /// <summary>The topics the application reads and writes; all must exist before it starts.</summary>
    public IReadOnlyList<string> Topics =>
        [Options.EventsTopic, Options.MessagesTopic, Options.OutputsTopic, Options.DeadLetterTopic, Options.AlertsTopic];

    public static StreamConfig Configure(KafkaProcessingOptions options, ILoggerFactory? logging = null)
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

        return config;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_stream is not null)
        {
            throw new InvalidOperationException("The processors are already started.");
        }

        _stream = new KafkaStream(Topology, Config);
        await _stream.StartAsync(cancellationToken);
    }

    public void Dispose() => _stream?.Dispose();
}
