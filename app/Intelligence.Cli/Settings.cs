using Intelligence.Alerting;
using Intelligence.Analytics.ClickHouse;
using Intelligence.Contracts;
using Intelligence.Embedded;
using Intelligence.Embedded.Checkpoints;
using Intelligence.EventLog;
using Intelligence.Ingest.Http;
using Intelligence.Processors;
using Microsoft.Extensions.Configuration;

namespace Intelligence.Cli;

/// <summary>
/// Configuration, from appsettings.json beside the executable, then an optional --config file,
/// then environment variables prefixed <c>INTELLIGENCE_</c> (e.g. <c>INTELLIGENCE_Sink__MaxBatchRows</c>).
/// Every value has a default that suits one machine; invalid values stop the start with the key named.
/// </summary>
public sealed partial class Settings(IConfiguration configuration)
{
    public IConfiguration Configuration => configuration;

    public static Settings Load(string? configFile)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true);
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                throw new UsageException($"Config file '{configFile}' does not exist.");
            }

            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        return new Settings(builder.AddEnvironmentVariables("INTELLIGENCE_").Build());
    }

    public string Database => configuration["Pipeline:Database"] ?? "intelligence";

    public string DataDirectory => configuration["Pipeline:DataDirectory"] ?? "data";

    public EmbeddedOptions Embedded()
    {
        var defaults = new EmbeddedOptions();
        var reader = configuration.GetSection("Ingest").Get<EventReaderOptions>() ?? defaults.Reader;
        var log = configuration.GetSection("EventLog").Get<TopicOptions>() ?? defaults.Events;
        var sink = configuration.GetSection("Sink").Get<SinkOptions>() ?? defaults.Sink;
        var checkpoints = configuration.GetSection("Checkpoint").Get<CheckpointOptions>() ?? defaults.Checkpoints;
        var processors = OptionsBinder.Bind<ProcessorOptions>(configuration.GetSection("Processors"));
        var problems = processors.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new UsageException("Configuration of the processors is invalid:" + Environment.NewLine + "  "
                + string.Join(Environment.NewLine + "  ", problems));
        }

        var options = defaults with
        {
            Processors = processors,
            Database = Database,
            Reader = reader,
            Events = log with { Name = "events" },
            Sink = sink,
            Checkpoints = checkpoints,
            DuplicateWindow = configuration.GetValue("Ingest:DuplicateWindow", defaults.DuplicateWindow),
        };
        Require(reader.MaxEventBytes is >= 1024 and <= 16 * 1024 * 1024, "Ingest:MaxEventBytes", "from 1024 to 16777216");
        Require(reader.MaxFutureSkew >= TimeSpan.Zero && reader.MaxFutureSkew <= TimeSpan.FromDays(3650),
            "Ingest:MaxFutureSkew", "from 00:00:00 to 3650 days");
        Require(reader.MaxEventAge > TimeSpan.Zero && reader.MaxEventAge <= TimeSpan.FromDays(36500),
            "Ingest:MaxEventAge", "positive and at most 36500 days");
        Require(reader.MaxIdLength is >= 8 and <= 1024, "Ingest:MaxIdLength", "from 8 to 1024");
        Require(log.Partitions is >= 1 and <= 1024, "EventLog:Partitions", "from 1 to 1024");
        Require(log.PartitionCapacity >= 16, "EventLog:PartitionCapacity", "16 or more");
        Require(log.MaxBytes >= 1024 * 1024, "EventLog:MaxBytes", "1 MiB or more");
        Require(sink.MaxBatchRows is >= 1 and <= 1_000_000, "Sink:MaxBatchRows", "from 1 to 1000000");
        Require(sink.Linger >= TimeSpan.Zero && sink.Linger <= TimeSpan.FromMinutes(1), "Sink:Linger", "from 00:00:00 to 00:01:00");
        Require(sink.InitialBackoff >= TimeSpan.FromMilliseconds(1) && sink.InitialBackoff <= sink.MaxBackoff,
            "Sink:InitialBackoff", "at least 1 ms and at most Sink:MaxBackoff");
        Require(sink.MaxBackoff <= TimeSpan.FromHours(1), "Sink:MaxBackoff", "at most 01:00:00");
        Require(options.DuplicateWindow >= 1, "Ingest:DuplicateWindow", "1 or more");
        Require(checkpoints.Every is >= 1 and <= 100_000_000, "Checkpoint:Every", "from 1 to 100000000");
        return options;
    }

    /// <summary>Where alert notices go (section <c>Alerting</c>); with no route, medium and up to the console.</summary>
    public AlertingOptions Alerting()
    {
        var alerting = OptionsBinder.Bind<AlertingOptions>(configuration.GetSection(AlertingOptions.Section));
        var problems = alerting.Problems().ToList();
        return problems.Count == 0
            ? alerting
            : throw new UsageException("Configuration of alert delivery is invalid:" + Environment.NewLine + "  "
                + string.Join(Environment.NewLine + "  ", problems));
    }

    /// <summary>
    /// The ClickHouse server of the distributed runtime (section <c>ClickHouse</c>); a URL or database
    /// given on the command line wins over the configuration.
    /// </summary>
    public ClickHouseOptions ClickHouse(string? url = null, string? database = null)
    {
        var configured = OptionsBinder.Bind<ClickHouseOptions>(configuration.GetSection(ClickHouseOptions.Section));
        var options = configured with { Url = url ?? configured.Url, Database = database ?? configured.Database };
        var problems = options.Problems().ToList();
        return problems.Count == 0
            ? options
            : throw new UsageException("Configuration of the ClickHouse server is invalid:" + Environment.NewLine + "  "
                + string.Join(Environment.NewLine + "  ", problems));
    }

    public HttpIngestOptions Http(string dataDirectory)
    {
        var http = configuration.GetSection(HttpIngestOptions.Section).Get<HttpIngestOptions>() ?? new HttpIngestOptions();
        http.ApiKeysFile ??= KeyFile(dataDirectory);
        Require(http.MaxBodyBytes >= 1024, "Ingest:Http:MaxBodyBytes", "1024 or more");
        Require(http.MaxEventsPerBatch >= 1, "Ingest:Http:MaxEventsPerBatch", "1 or more");
        Require(http.MaxConcurrentRequests >= 1, "Ingest:Http:MaxConcurrentRequests", "1 or more");
        Require(http.AppendTimeout > TimeSpan.Zero && http.AppendTimeout <= TimeSpan.FromMinutes(10),
            "Ingest:Http:AppendTimeout", "positive and at most 00:10:00");
        return http;
    }

    public static string KeyFile(string dataDirectory) => Path.Combine(dataDirectory, "api-keys.txt");

    private static void Require(bool holds, string key, string expected)
    {
        if (!holds)
        {
            throw new UsageException($"Configuration {key} must be {expected}.");
        }
    }
}
