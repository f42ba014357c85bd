using Intelligence.Analytics;
using Intelligence.Analytics.Migrations;
using Intelligence.Analytics.RowBinary;
using Intelligence.Contracts;
using Intelligence.Embedded.Checkpoints;
using Intelligence.Embedded.Processing;
using Intelligence.EventLog;
using Intelligence.Ingest;
using Intelligence.Ingest.Sources;
using Intelligence.Processors;
using Intelligence.Processors.Alerts;
using Microsoft.Extensions.Logging;

namespace Intelligence.Embedded;

/// <summary>
/// The embedded runtime in one process: the gate in front, the in-process event log (events and
/// dead letters), the processors, and the sinks that drain all of them into the analytics store. Sources submit through
/// <see cref="Gate"/>; <see cref="CompleteAsync"/> drains everything and returns the account. A checkpointed run
/// (<see cref="Checkpoints"/>) cuts its batches at barriers and can resume from its last checkpoint after a crash.
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
    private readonly DuplicateFilter _duplicates;
    private readonly ICheckpointedTopic[] _topics;
    private readonly TimeProvider _clock;
    private readonly StoredTally _before;
    private RunSummary? _summary;

    private EmbeddedPipeline(IAnalyticsStore store, TableColumns columns, EmbeddedOptions options, TimeProvider clock, ILoggerFactory loggers,
        string runId, StoredTally before, Action<IReadOnlyList<AlertNotice>>? notices, RunCheckpointing? checkpointing)
    {
        Store = store;
        Options = options;
        RunId = runId;
        var resume = checkpointing?.Resume?.Run;
        StartedAt = resume?.StartedAt ?? clock.GetUtcNow();
        _before = before;
        _clock = clock;
        _events = new InProcessTopic<AcceptedEvent>(options.Events, e => e.ApproximateSize);
        _processorEvents = new InProcessTopic<AcceptedEvent>(options.Events with { Name = "processor-events" }, e => e.ApproximateSize);
        _deadLetters = new InProcessTopic<DeadLetter>(options.DeadLetters, d => d.ApproximateSize);
        var events = new CheckpointedTopic<AcceptedEvent>(_events);
        var processorEvents = new CheckpointedTopic<AcceptedEvent>(_processorEvents);
        var deadLetters = new CheckpointedTopic<DeadLetter>(_deadLetters);
        _topics = [events, processorEvents, deadLetters];
        _duplicates = new DuplicateFilter(options.DuplicateWindow);
        var counters = new IngestCounters();
        if (resume is not null)
        {
            counters.Restore(resume.Ingest);
            _duplicates.Remember(resume.Duplicates);
            foreach (var topic in _topics)
            {
                topic.Continue(resume.Offsets);
            }
        }

        Gate = new IngestGate(new EventReader(options.Reader, clock), _duplicates,
            new TeeWriter<AcceptedEvent>(_events, _processorEvents), _deadLetters, counters);

        // A checkpointed run cuts batches only at barriers, so that a replay cuts the same ones; otherwise they linger.
        var barrier = checkpointing is null ? null : new CheckpointBarrier();
        var sink = barrier is null ? options.Sink : options.Sink with { Linger = TimeSpan.Zero };
        var table = $"{options.Database}.";
        var logger = loggers.CreateLogger<EmbeddedPipeline>();
        _eventSink = new TableSink<AcceptedEvent>(table + RawEventRows.Table, runId, events.Reader(barrier), store,
            RawEventRows.Binary(columns), sink, clock, logger);
        _deadLetterSink = new TableSink<DeadLetter>(table + DeadLetterRows.Table, runId, deadLetters.Reader(barrier), store,
            TableRows.Json<DeadLetter>(DeadLetterRows.Write), sink, clock, logger);
        var topology = RetailTopology.Build(options.Processors);
        _processors = new ProcessorStage(topology, options.Database, runId,
            processorEvents.Reader(barrier), sink.WriterFor(store, clock, logger), columns, sink, clock, logger, notices);
        if (checkpointing?.Resume is { } stored)
        {
            _processors.Engine.Restore(stored.Run.StreamTime, stored.Run.MessagesApplied, stored.StatesOf(topology));
        }

        if (checkpointing is not null)
        {
            Checkpoints = new Checkpointer(checkpointing.Path, checkpointing.Options, barrier!, LogHalfFull,
                position => Snapshot(position, checkpointing), _processors.Engine, resume?.Source ?? default, logger, _failed.Token);
        }

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

    /// <summary>The run's checkpoints, when it is checkpointed: sources tell it of each input and start where it says.</summary>
    public Checkpointer? Checkpoints { get; }

    /// <summary>The processors' engine: its stores hold the live state (read it only once the run is complete).</summary>
    public FoldEngineView Processors => new(_processors.Engine);

    /// <summary>
    /// Applies migrations, then starts the sinks. The store must outlive the pipeline. Alert notices,
    /// once stored, go to <paramref name="notices"/>, which must not block (the delivery queue).
    /// </summary>
    public static async Task<EmbeddedPipeline> StartAsync(IAnalyticsStore store, EmbeddedOptions options,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken, Action<IReadOnlyList<AlertNotice>>? notices = null,
        RunCheckpointing? checkpointing = null)
    {
        var applied = await Migrator.ApplyAsync(store, options.Database, cancellationToken).ConfigureAwait(false);
        var logger = loggers.CreateLogger<EmbeddedPipeline>();
        foreach (var migration in applied)
        {
            logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
        }

        var columns = await TableColumns.LoadAsync(store, options.Database, cancellationToken).ConfigureAwait(false);
        if (checkpointing?.Resume?.Run is { } resume)
        {
            logger.LogInformation("Resuming run {RunId} from its checkpoint of {TakenAt:O}: input {Inputs:N0}, {Received:N0} received",
                resume.RunId, resume.TakenAt, resume.Source.Inputs, resume.Ingest.Received);
            return new EmbeddedPipeline(store, columns, options, clock, loggers, resume.RunId, resume.Stored, notices, checkpointing);
        }

        var runId = $"run-{clock.GetUtcNow():yyyyMMddTHHmmss}-{Guid.NewGuid().ToString("N")[..8]}";
        var before = new StoredTally
        {
            EventRowsBefore = await StoreCounts.RowsAsync(store, options.Database, RawEventRows.Table, cancellationToken).ConfigureAwait(false),
            DeadLetterRowsBefore = await StoreCounts.RowsAsync(store, options.Database, DeadLetterRows.Table, cancellationToken).ConfigureAwait(false),
        };
        var pipeline = new EmbeddedPipeline(store, columns, options, clock, loggers, runId, before, notices, checkpointing);
        if (pipeline.Checkpoints is { } checkpoints)
        {
            // The run's id and starting counts are on disk before its first input: a crash from here on resumes this run.
            await checkpoints.TakeAsync().ConfigureAwait(false);
        }

        return pipeline;
    }

    /// <summary>Events the processors have folded and whose rows are stored, in the order they were logged.</summary>
    public long EventsProcessed => _processors.EventsProcessed;

    /// <summary>A live view for progress lines: what came in, what is stored, what waits in the log.</summary>
    public PipelineProgress Progress() => new(Gate.Counters.Snapshot(), _before.Events + _eventSink.RowsStored,
        _before.DeadLetters + _deadLetterSink.RowsStored, _events.Lag + _deadLetters.Lag, _events.BufferedBytes + _deadLetters.BufferedBytes)
    {
        Processed = _before.Processed + _processors.EventsProcessed,
        ProcessorRows = _before.ProcessorRows + _processors.RowsStored,
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
        var stored = Tally();
        _summary = new RunSummary(RunId, StartedAt, clock.GetUtcNow(), ingest, stored.Events, stored.DeadLetters,
            eventRows - _before.EventRowsBefore, deadRows - _before.DeadLetterRowsBefore)
        {
            Processed = stored.Processed,
            ProcessorRows = stored.ProcessorRows,
            ProcessingFailures = stored.ProcessingFailures,
        };
        return _summary;
    }

    /// <summary>What is stored so far, with what the run had stored before a restart.</summary>
    private StoredTally Tally() => _before with
    {
        Events = _before.Events + _eventSink.RowsStored,
        DeadLetters = _before.DeadLetters + _deadLetterSink.RowsStored,
        Processed = _before.Processed + _processors.EventsProcessed,
        ProcessorRows = _before.ProcessorRows + _processors.RowsStored,
        ProcessingFailures = _before.ProcessingFailures + _processors.Failures,
    };

    /// <summary>The run as it stands at a barrier: every part stored, the source held at <paramref name="position"/>.</summary>
    private RunCheckpoint Snapshot(SourcePosition position, RunCheckpointing checkpointing) => new()
    {
        RunId = RunId,
        StartedAt = StartedAt,
        Fingerprint = checkpointing.Fingerprint,
        Input = checkpointing.Input,
        TakenAt = _clock.GetUtcNow(),
        Source = position,
        Ingest = Gate.Counters.Snapshot(),
        Duplicates = _duplicates.Remembered(),
        Offsets = _topics.ToDictionary(t => t.Name, t => t.Offsets()),
        Stored = Tally(),
        StreamTime = _processors.Engine.StreamTime,
        MessagesApplied = _processors.Engine.MessagesApplied,
    };

    /// <summary>
    /// True once a topic holds half the bytes it may: a checkpoint then, so that what waits for the next
    /// barrier always fits (bytes are given back only when a barrier's batches are stored).
    /// </summary>
    private bool LogHalfFull() => Array.Exists(_topics, t => t.HalfFull);

    private async Task Guard(Task sink)
    {
        try
        {
            await sink.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing more can be stored: stop the sources (and a checkpoint's barrier) and let the other sinks drain.
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
        catch (Exception ex) when (ex is not OutOfMemoryException)
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
