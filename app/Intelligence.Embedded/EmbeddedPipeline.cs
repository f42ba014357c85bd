using Intelligence.Analytics;
using Intelligence.Analytics.Migrations;
using Intelligence.Contracts;
using Intelligence.Embedded.Processing;
using Intelligence.EventLog;
using Intelligence.Ingest;
using Intelligence.Processors;
using Intelligence.Processors.Alerts;
using Microsoft.Extensions.Logging;

namespace Intelligence.Embedded;

/// <summary>
/// The embedded runtime in one process: the gate in front, the in-process event log (events and
/// dead letters), the processors, and the sinks that drain all of them into the analytics store. Sources submit through
/// <see cref="Gate"/>; <see cref="CompleteAsync"/> drains everything and returns the account.
/// </summary>
public sealed class EmbeddedPipeline : IAsyncDisposable
{
    private readonly InProcessTopic<AcceptedEvent> _events;
    private readonly InProcessTopic<AcceptedEvent> _processorEvents;
    private readonly InProcessTopic<DeadLetter> _deadLetters;
    private readonly ProcessorStage _processors;
    private readonly TableSink<AcceptedEvent> _eventSink;
    private readonly TableSink<DeadLetter> _deadLetterSink;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _failed = new();
    private readonly Task _sinks;
    private readonly long _eventRowsBefore;
    private readonly long _deadLetterRowsBefore;
    private RunSummary? _summary;

    private EmbeddedPipeline(IAnalyticsStore store, EmbeddedOptions options, TimeProvider clock, ILoggerFactory loggers,
        string runId, long eventRowsBefore, long deadLetterRowsBefore, Action<IReadOnlyList<AlertNotice>>? notices)
    {
        Store = store;
        Options = options;
        RunId = runId;
        StartedAt = clock.GetUtcNow();
        _eventRowsBefore = eventRowsBefore;
        _deadLetterRowsBefore = deadLetterRowsBefore;
        _events = new InProcessTopic<AcceptedEvent>(options.Events, e => e.ApproximateSize);
        _processorEvents = new InProcessTopic<AcceptedEvent>(options.Events with { Name = "processor-events" }, e => e.ApproximateSize);
        _deadLetters = new InProcessTopic<DeadLetter>(options.DeadLetters, d => d.ApproximateSize);
        Gate = new IngestGate(new EventReader(options.Reader, clock), new DuplicateFilter(options.DuplicateWindow),
            new TeeWriter<AcceptedEvent>(_events, _processorEvents), _deadLetters, new IngestCounters());

        var table = $"{options.Database}.";
        var logger = loggers.CreateLogger<EmbeddedPipeline>();
        _eventSink = new TableSink<AcceptedEvent>(table + RawEventRows.Table, runId, _events.Reader(), store,
            RawEventRows.Write, options.Sink, clock, logger);
        _deadLetterSink = new TableSink<DeadLetter>(table + DeadLetterRows.Table, runId, _deadLetters.Reader(), store,
            DeadLetterRows.Write, options.Sink, clock, logger);
        _processors = new ProcessorStage(RetailTopology.Build(options.Processors), options.Database, runId,
            _processorEvents.Reader(), options.Sink.WriterFor(store, clock, logger), options.Sink, clock, logger, notices);
        _sinks = Task.WhenAll(
            Task.Run(() => Guard(_eventSink.RunAsync(_stop.Token))),
            Task.Run(() => Guard(_processors.RunAsync(_stop.Token))),
            Task.Run(() => Guard(_deadLetterSink.RunAsync(_stop.Token))));
    }

    /// <summary>Cancelled when a sink fails: sources pass it on so that they stop instead of waiting on a full log.</summary>
    public CancellationToken Failed => _failed.Token;

    public IAnalyticsStore Store { get; }

    public EmbeddedOptions Options { get; }

    public string RunId { get; }

    public DateTimeOffset StartedAt { get; }

    public IngestGate Gate { get; }

    /// <summary>The processors' engine: its stores hold the live state (read it only once the run is complete).</summary>
    public FoldEngineView Processors => new(_processors.Engine);

    /// <summary>
    /// Applies migrations, then starts the sinks. The store must outlive the pipeline. Alert notices,
    /// once stored, go to <paramref name="notices"/>, which must not block (the delivery queue).
    /// </summary>
    public static async Task<EmbeddedPipeline> StartAsync(IAnalyticsStore store, EmbeddedOptions options,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken, Action<IReadOnlyList<AlertNotice>>? notices = null)
    {
        var applied = await Migrator.ApplyAsync(store, options.Database, cancellationToken).ConfigureAwait(false);
        var logger = loggers.CreateLogger<EmbeddedPipeline>();
        foreach (var migration in applied)
        {
            logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
        }

        var runId = $"run-{clock.GetUtcNow():yyyyMMddTHHmmss}-{Guid.NewGuid().ToString("N")[..8]}";
        var eventRows = await StoreCounts.RowsAsync(store, options.Database, RawEventRows.Table, cancellationToken).ConfigureAwait(false);
        var deadRows = await StoreCounts.RowsAsync(store, options.Database, DeadLetterRows.Table, cancellationToken).ConfigureAwait(false);
        return new EmbeddedPipeline(store, options, clock, loggers, runId, eventRows, deadRows, notices);
    }

    /// <summary>Events the processors have folded and whose rows are stored, in the order they were logged.</summary>
    public long EventsProcessed => _processors.EventsProcessed;

    /// <summary>A live view for progress lines: what came in, what is stored, what waits in the log.</summary>
    public PipelineProgress Progress() => new(Gate.Counters.Snapshot(), _eventSink.RowsStored,
        _deadLetterSink.RowsStored, _events.Lag + _deadLetters.Lag, _events.BufferedBytes + _deadLetters.BufferedBytes)
    {
        Processed = _processors.EventsProcessed,
        ProcessorRows = _processors.RowsStored,
    };

    /// <summary>Ends input, waits until every logged record is stored, and returns the account.</summary>
    public async Task<RunSummary> CompleteAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        if (_summary is not null)
        {
            return _summary;
        }

        _events.Complete();
        _processorEvents.Complete();
        _deadLetters.Complete();
        await _sinks.WaitAsync(cancellationToken).ConfigureAwait(false);
        var ingest = Gate.Counters.Snapshot();
        await SourceIngestRows.WriteAsync(Store, Options.Database, RunId, ingest, clock.GetUtcNow(), cancellationToken)
            .ConfigureAwait(false);
        var eventRows = await StoreCounts.RowsAsync(Store, Options.Database, RawEventRows.Table, cancellationToken).ConfigureAwait(false);
        var deadRows = await StoreCounts.RowsAsync(Store, Options.Database, DeadLetterRows.Table, cancellationToken).ConfigureAwait(false);
        _summary = new RunSummary(RunId, StartedAt, clock.GetUtcNow(), ingest,
            _eventSink.RowsStored, _deadLetterSink.RowsStored, eventRows - _eventRowsBefore, deadRows - _deadLetterRowsBefore)
        {
            Processed = _processors.EventsProcessed,
            ProcessorRows = _processors.RowsStored,
            ProcessingFailures = _processors.Failures,
        };
        return _summary;
    }

    private async Task Guard(Task sink)
    {
        try
        {
            await sink.ConfigureAwait(false);
        }
        catch (SinkFailedException)
        {
            // Nothing more can be stored: stop the sources and let the other sink drain.
            await _failed.CancelAsync().ConfigureAwait(false);
            _events.Complete();
            _processorEvents.Complete();
            _deadLetters.Complete();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _sinks.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SinkFailedException)
        {
            // Stopping mid-run, or a failure CompleteAsync already reported: what was not stored stays uncommitted.
        }

        _stop.Dispose();
        _failed.Dispose();
    }
}

/// <summary>A live snapshot of the pipeline for progress display.</summary>
public sealed record PipelineProgress(IngestTotals Ingest, long Stored, long DeadLettered, long Lag, long BufferedBytes)
{
    /// <summary>Events the processors have folded and whose outputs are stored.</summary>
    public long Processed { get; init; }

    public long ProcessorRows { get; init; }
}
