using Intelligence.Alerting;
using Intelligence.Analytics.ClickHouse;
using Intelligence.Contracts;
using Intelligence.Distributed;
using Intelligence.Embedded;
using Intelligence.Embedded.Checkpoints;
using Intelligence.EventLog;
using Intelligence.Ingest.Http;
using Intelligence.Kafka;
using Intelligence.Processors;
using Intelligence.Processors.Streamiz;
using Intelligence.Sink;

namespace Intelligence.Cli;

/// <summary>
/// Every configuration key the program reads, as data: the sections bound to an options type, the
/// single keys read one by one, the sections handed whole to a library, and the environment
/// variables read directly. The deployment's consistency test (tests/Intelligence.Deploy.Tests)
/// resolves each <c>INTELLIGENCE_*</c> variable the Compose file and manifests set against this
/// catalogue, so a setting the code does not read fails a test instead of being silently ignored.
/// Register a section here when <see cref="Settings"/> starts binding it.
/// </summary>
public static class SettingsCatalog
{
    /// <summary>The prefix of the environment variables that <see cref="Settings.Load"/> reads as configuration.</summary>
    public const string EnvironmentPrefix = "INTELLIGENCE_";

    /// <summary>Sections bound to an options type; a key resolves through the longest section that prefixes it.</summary>
    public static IReadOnlyDictionary<string, Type> Sections { get; } = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        ["Ingest"] = typeof(EventReaderOptions),
        [HttpIngestOptions.Section] = typeof(HttpIngestOptions),
        ["EventLog"] = typeof(TopicOptions),
        ["Sink"] = typeof(SinkOptions),
        ["Checkpoint"] = typeof(CheckpointOptions),
        ["Processors"] = typeof(ProcessorOptions),
        [AlertingOptions.Section] = typeof(AlertingOptions),
        [KafkaOptions.Section] = typeof(KafkaOptions),
        ["Kafka:Processing"] = typeof(KafkaProcessingOptions),
        [TopicsOptions.Section] = typeof(TopicsOptions),
        [ProducerOptions.Section] = typeof(ProducerOptions),
        [HealthOptions.Section] = typeof(HealthOptions),
        [ClickHouseOptions.Section] = typeof(ClickHouseOptions),
        [KafkaSinkOptions.Section] = typeof(KafkaSinkOptions),
    };

    /// <summary>Keys read one at a time (<c>configuration["..."]</c>), not through an options type.</summary>
    public static IReadOnlySet<string> Keys { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Pipeline:Database",
        "Pipeline:DataDirectory",
        "Ingest:DuplicateWindow",
        "Console:Urls",
    };

    /// <summary>Sections handed whole to a library that defines their shape (Serilog's configuration format).</summary>
    public static IReadOnlySet<string> OpenSections { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Serilog",
    };

    /// <summary>
    /// Environment variables with the prefix that are read directly, not as configuration keys
    /// (secrets, and paths the embedded runtime needs before configuration is loaded).
    /// </summary>
    public static IReadOnlySet<string> Variables { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ClickHouseOptions.PasswordVariable,
        KafkaOptions.SaslPasswordVariable,
        "INTELLIGENCE_CHDB_LIB",
        "INTELLIGENCE_CACHE",
        "INTELLIGENCE_API_KEY",
    };

    /// <summary>The configuration key an environment variable sets: prefix removed, <c>__</c> read as <c>:</c>.</summary>
    public static string? KeyOf(string variable) =>
        variable.StartsWith(EnvironmentPrefix, StringComparison.Ordinal)
            ? variable[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal)
            : null;
}
