using Intelligence.Alerting;
using Intelligence.Analytics.Chdb;
using Intelligence.Anomaly.Models;
using Intelligence.Embedded;
using Intelligence.Processors;
using Intelligence.Simulator;
using Serilog;

namespace Intelligence.Cli.Commands;

/// <summary><c>intelligence run</c>: the embedded pipeline, from a source into the embedded ClickHouse store.</summary>
public static class RunCommand
{
    public const string Usage = $"""
        intelligence run [options]

        Runs the embedded pipeline: inputs are validated, logged and stored in the embedded ClickHouse
        engine (chDB) under --data. Ends with an account of every input: stored, dead-lettered with a
        reason, or dropped as a duplicate. A run from a file or the simulator is checkpointed under
        DATA/checkpoints: if it is killed, the same command continues it where it was (docs/reliability.md).

          --source KIND      simulator (default), file, or http
          --input FILE       the JSON-lines file to read (with --source file)
          --data DIR         where the store lives (default ./data)
          --urls URL         where the HTTP source listens (default http://127.0.0.1:5080)
          --duration SECS    with --source http: stop after this many seconds (default: until Ctrl+C)
          --as-of ISO        with --source file: judge event times as of this instant instead of now
                             (default for a file written by `simulate`: each input at its recorded arrival,
                             from FILE.arrivals; without that file, the simulated end from FILE.truth.json)
          --config FILE      extra settings (JSON, same shape as appsettings.json)
          --fresh            start a new run even if DATA holds an unfinished one (its rows stay stored)
        Simulator options:
        {SimulationArguments.Help}
        """;

    public static readonly IReadOnlySet<string> Valued =
        new HashSet<string>(SimulationArguments.Valued.Concat(["source", "input", "data", "urls", "duration", "config", "as-of"]));

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(SimulationArguments.Flags.Append("fresh"));

    public static async Task<int> ExecuteAsync(CommandLine line, Settings settings, Serilog.ILogger log,
        CancellationToken stop)
    {
        var kind = line.Value("source") ?? "simulator";
        InputSources.Require(kind, line.Value("input"));

        var data = line.Value("data") ?? settings.DataDirectory;
        var options = settings.Embedded();
        var alerting = settings.Alerting();
        var simulation = SimulationArguments.From(line);
        var http = settings.Http(data);
        if (line.Value("urls") is { } urls)
        {
            http.Urls = urls;
        }

        using var loggers = Logging.Factory(log);
        Directory.CreateDirectory(data);
        options = options with { Processors = WithModel(options.Processors, Path.Combine(data, "models"), log) };
        await using var store = ChdbStore.Open(Path.Combine(data, "chdb"));
        log.Information("Store: {Store}; database {Database}", store.Description, options.Database);
        var checkpointing = RunCheckpoints.Prepare(kind, line, data, options, simulation, log);
        await using var alerts = new AlertDispatcher(alerting, loggers);
        await using var pipeline = await EmbeddedPipeline.StartAsync(store, options, TimeProvider.System, loggers, stop, alerts.Offer,
            checkpointing);
        var checkpoints = pipeline.Checkpoints;

        RetailSimulator? simulator = null;
        Exception? sourceFailure = null;
        using var sourceStop = CancellationTokenSource.CreateLinkedTokenSource(stop, pipeline.Failed);
        await using (var progress = new ProgressLine(pipeline.Progress, kind == "simulator" ? simulation.Events : null))
        {
            progress.Start();
            try
            {
                if (kind == "simulator")
                {
                    simulator = new RetailSimulator(simulation);
                    log.Information("Simulating: {Simulation}", SimulationArguments.Describe(simulation));
                }

                await InputSources.RunAsync(kind, pipeline.Gate, simulator, http, line, log, sourceStop.Token,
                    checkpoints?.Start ?? default, checkpoints is null ? null : checkpoints.AfterInputAsync);
                if (checkpoints is not null)
                {
                    // Every input is in: the last barrier stores the rest, so a crash from here on replays nothing.
                    await checkpoints.FinishAsync();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                log.Warning("Stopped by the user: storing what was accepted so far");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // What the source had already handed over is stored and accounted for all the same.
                sourceFailure = ex;
                log.Error(ex, "The {Source} source failed: storing what was accepted so far", kind);
            }
        }

        // Drain with no cancellation: what was accepted must be stored before the account is drawn.
        var summary = await pipeline.CompleteAsync(TimeProvider.System, CancellationToken.None);
        var delivered = await alerts.CompleteAsync(alerting.DrainTimeout);
        await RunRecords.SaveRunAsync(store, options.Database, summary, kind, Environment.CommandLine, CancellationToken.None);
        if (simulator is not null)
        {
            await RunRecords.SaveTruthAsync(store, options.Database, summary.RunId, simulator.GroundTruth, CancellationToken.None);
            GroundTruthFile.Write(Path.Combine(data, "ground-truth.json"), simulation, simulator.Clock.GetUtcNow(), simulator.GroundTruth);
        }

        if (checkpoints is not null)
        {
            await checkpoints.MarkCompleteAsync();
        }

        System.Console.Out.Write(SummaryReport.Render(summary, data, delivered.Values));
        if (sourceFailure is not null)
        {
            await System.Console.Error.WriteLineAsync($"The {kind} source stopped early: {sourceFailure.Message}");
            return 1;
        }

        return summary.Balances ? 0 : 1;
    }

    /// <summary>The latest anomaly model in the folder, loaded into the processors' options; none means cold start, said so.</summary>
    public static ProcessorOptions WithModel(ProcessorOptions processors, string folder, Serilog.ILogger log)
    {
        var model = ModelStore.Latest(folder);
        if (model is null)
        {
            log.Information("No anomaly model in {Folder}: KPI series are scored on robust statistics alone (cold start); `./intelligence train` makes one from this run's history", folder);
        }
        else
        {
            log.Information("Anomaly model {Model}, trained {TrainedAt:yyyy-MM-dd HH:mm} on {From:yyyy-MM-dd} to {To:yyyy-MM-dd}: {Families}",
                model.Label, model.TrainedAt, model.DataFrom, model.DataTo, string.Join(", ", model.Families.Keys));
        }

        return processors with { Anomaly = processors.Anomaly with { Model = model } };
    }
}
