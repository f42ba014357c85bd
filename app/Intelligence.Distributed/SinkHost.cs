using System.Globalization;
using Intelligence.Sink;
using Microsoft.Extensions.Logging;

namespace Intelligence.Distributed;

/// <summary>
/// The sink role (<c>./intelligence sink</c>): runs the worker until stopped, serves its health and
/// figures, and logs a status line now and then. A store that refuses a batch for good ends the role
/// with the worker's error (nothing past the refused batch is committed), so the orchestrator restarts
/// it and an operator sees why.
/// </summary>
public sealed class SinkHost(SinkWorker worker, HealthOptions health, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<SinkHost>();
    private Task? _running;

    /// <summary>Where <c>/healthz</c> and <c>/metrics</c> are served, once running.</summary>
    public IReadOnlyList<string> HealthUrls { get; private set; } = [];

    public RoleStatus Status()
    {
        var now = worker.Metrics.Snapshot();
        var healthy = _running is { IsCompleted: false };
        var metrics = new List<Metric>
        {
            Metric.Gauge("intelligence_sink_up", "1 while the sink runs", healthy ? 1 : 0),
            Metric.Counter("intelligence_sink_records_read_total", "records read from the topics", now.RecordsRead),
            Metric.Counter("intelligence_sink_batches_total", "batches stored and committed", now.Batches),
            Metric.Counter("intelligence_sink_dead_lettered_total", "records stored as dead letters by the sink", now.DeadLettered),
            Metric.Counter("intelligence_sink_retries_total", "inserts retried while the store failed", now.Retries),
            Metric.Counter("intelligence_sink_replayed_batches_total", "batches settled again after a restart", now.BatchesReplayed),
            Metric.Counter("intelligence_sink_commit_failures_total", "offset commits that failed", now.CommitFailures),
            Metric.Gauge("intelligence_sink_lag_total", "records waiting on the partitions this member holds", now.TotalLag),
        };
        metrics.AddRange(now.RowsStored.Select(t => Metric.Counter("intelligence_sink_rows_stored_total", "rows stored, per table", t.Value,
            new Dictionary<string, string> { ["table"] = t.Key })));
        metrics.AddRange(now.Lag.Select(l => Metric.ConsumerLag("sink", l.Topic, l.Partition, l.Lag)));
        var detail = healthy
            ? $"sink running; {now.RowsStored.Values.Sum().ToString(CultureInfo.InvariantCulture)} rows stored in {now.Batches.ToString(CultureInfo.InvariantCulture)} batches; lag {now.TotalLag.ToString(CultureInfo.InvariantCulture)}"
            : "sink not running";
        return new RoleStatus(healthy, detail, metrics);
    }

    public async Task RunAsync(CancellationToken stop)
    {
        _running = Task.Run(() => worker.RunAsync(stop), CancellationToken.None);
        await using var endpoint = await HealthEndpoint.StartAsync(health, Status, loggers, stop).ConfigureAwait(false);
        HealthUrls = endpoint.Urls;
        while (!_running.IsCompleted)
        {
            await Task.WhenAny(_running, Task.Delay(health.ReportEvery, CancellationToken.None)).ConfigureAwait(false);
            _logger.LogInformation("{Status}", Status().Detail);
        }

        await _running.ConfigureAwait(false);
    }
}
