using System.Globalization;
using Confluent.Kafka;
using Intelligence.Kafka;
using Intelligence.Processors.Streamiz;
using Microsoft.Extensions.Logging;
using Streamiz.Kafka.Net.Kafka;

namespace Intelligence.Distributed;

/// <summary>
/// The processor role (<c>./intelligence process --kafka</c>): checks that the topics exist, runs the
/// Streamiz application until stopped, measures the group's lag, and says how it is doing. It ends
/// when asked to (graceful: commit and close the stores) or when the stream fails for good, which
/// the caller turns into a failing exit so the orchestrator restarts it.
/// </summary>
public sealed class ProcessorHost(ProcessorApplication application, KafkaOptions kafka, HealthOptions health,
    ILoggerFactory loggers, IKafkaSupplier? supplier = null)
{
    private readonly ILogger _logger = loggers.CreateLogger<ProcessorHost>();
    private readonly TimeSpan _adminTimeout = TimeSpan.FromSeconds(10);
    private IReadOnlyList<GroupLag.PartitionLag> _lag = [];
    private bool _lagKnown;

    public ProcessorApplication Application => application;

    /// <summary>Where <c>/healthz</c> and <c>/metrics</c> are served, once running (port 0 in the options becomes the real one).</summary>
    public IReadOnlyList<string> HealthUrls { get; private set; } = [];

    public RoleStatus Status()
    {
        var options = application.Options;
        var lag = _lag;
        var metrics = new List<Metric>
        {
            Metric.Gauge("intelligence_processor_up", "1 while the stream runs or rebalances", application.Healthy ? 1 : 0,
                new Dictionary<string, string> { ["state"] = application.State }),
            Metric.Gauge("intelligence_processor_lag_total", "records of the events and messages topics not yet processed",
                lag.Sum(l => l.Lag)),
        };
        metrics.AddRange(GroupLag.AsMetrics(options.ApplicationId, lag));
        var detail = $"processors {application.State}; " +
            (_lagKnown ? $"lag {lag.Sum(l => l.Lag).ToString(CultureInfo.InvariantCulture)} records" : "lag not measured yet");
        return new RoleStatus(application.Healthy, detail, metrics);
    }

    public async Task<int> RunAsync(CancellationToken stop)
    {
        var options = application.Options;
        using var admin = Admin();
        RequireTopics(admin, options);
        application.StateChanged += (old, now) => _logger.LogInformation("Processors: {Old} -> {New}", old, now);
        await application.StartAsync(supplier).ConfigureAwait(false);
        _logger.LogInformation("Processors {ApplicationId} started on {Brokers}: {Threads} thread(s), {Guarantee}, state in {StateDirectory}",
            options.ApplicationId, kafka.BootstrapServers, options.Threads, options.Guarantee, options.StateDirectory);
        await using var endpoint = await HealthEndpoint.StartAsync(health, Status, loggers, stop).ConfigureAwait(false);
        HealthUrls = endpoint.Urls;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (application.State == "ERROR")
                {
                    _logger.LogCritical("The processors' stream failed (state ERROR); stopping so that the instance is restarted");
                    return 1;
                }

                await MeasureLagAsync(admin, options).ConfigureAwait(false);
                _logger.LogInformation("{Status}", Status().Detail);
                await Task.Delay(health.ReportEvery, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Asked to stop: fall through to the graceful close.
        }
        finally
        {
            _logger.LogInformation("Processors stopping: finishing the records in hand, committing, closing the stores");
            application.Dispose();
        }

        return 0;
    }

    private IAdminClient Admin() =>
        supplier?.GetAdmin(KafkaClients.Configure(new AdminClientConfig(), kafka)) ?? KafkaClients.Admin(kafka);

    private void RequireTopics(IAdminClient admin, KafkaProcessingOptions options) =>
        TopicAdmin.RequireExisting(admin, options.Names.All, _adminTimeout, kafka.BootstrapServers);

    private async Task MeasureLagAsync(IAdminClient admin, KafkaProcessingOptions options)
    {
        try
        {
            _lag = await GroupLag.MeasureAsync(admin, options.ApplicationId, [options.EventsTopic, options.MessagesTopic], _adminTimeout)
                .ConfigureAwait(false);
            _lagKnown = true;
        }
        catch (Exception ex) when (ex is KafkaException or NotImplementedException or NotSupportedException)
        {
            _lagKnown = false;
            _logger.LogWarning("Could not measure the processors' lag: {Reason}", ex.Message);
        }
    }
}
