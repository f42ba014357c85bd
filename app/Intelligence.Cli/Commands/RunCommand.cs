using Intelligence.Alerting;
using Intelligence.Analytics.Chdb;
using Intelligence.Anomaly.Models;
using Intelligence.Embedded;
using Intelligence.Ingest.Http;
using Intelligence.Ingest.Sources;
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
        reason, or dropped as a duplicate.

          --source KIND      simulator (default), file, or http
          --input FILE       the JSON-lines file to read (with --source file)
          --data DIR         where the store lives (default ./data)
          --urls URL         where the HTTP source listens (default http://127.0.0.1:5080)
          --duration SECS    with --source http: stop after this many seconds (default: until Ctrl+C)
          --as-of ISO        with --source file: judge event times as of this instant instead of now
                             (default for a file written by `simulate`: its simulated end, from FILE.truth.json)
          --config FILE      extra settings (JSON, same shape as appsettings.json)
        Simulator options:
        {SimulationArguments.Help}
        """;

    public static readonly IReadOnlySet<string> Valued =
        new HashSet<string>(SimulationArguments.Valued.Concat(["source", "input", "data", "urls", "duration", "config", "as-of"]));

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(SimulationArguments.Flags);

    public static async Task<int> ExecuteAsync(CommandLine line, Settings settings, Serilog.ILogger log,
        CancellationToken stop)
    {
        var kind = line.Value("source") ?? "simulator";
        if (kind is not ("simulator" or "file" or "http"))
        {
            throw new UsageException($"--source must be simulator, file or http (got '{kind}').");
        }

        var data = line.Value("data") ?? settings.DataDirectory;
        var options = settings.Embedded();
        var alerting = settings.Alerting();
        var simulation = SimulationArguments.From(line);
        var http = settings.Http(data);
        if (line.Value("urls") is { } urls)
        {
            http.Urls = urls;
        }

        var input = line.Value("input");
        if (kind == "file" && (input is null || !File.Exists(input)))
        {
            throw new UsageException(input is null
                ? "--source file needs --input FILE (write one with ./intelligence simulate --out FILE)."
                : $"Input file '{input}' does not exist.");
        }

        using var loggers = Logging.Factory(log);
        Directory.CreateDirectory(data);
        options = WithModel(options, Path.Combine(data, "models"), log);
        await using var store = ChdbStore.Open(Path.Combine(data, "chdb"));
        log.Information("Store: {Store}; database {Database}", store.Description, options.Database);
        await using var alerts = new AlertDispatcher(alerting, loggers);
        await using var pipeline = await EmbeddedPipeline.StartAsync(store, options, TimeProvider.System, loggers, stop, alerts.Offer);

        RetailSimulator? simulator = null;
        Exception? sourceFailure = null;
        using var sourceStop = CancellationTokenSource.CreateLinkedTokenSource(stop, pipeline.Failed);
        await using (var progress = new ProgressLine(pipeline.Progress, kind == "simulator" ? simulation.Events : null))
        {
            progress.Start();
            try
            {
                switch (kind)
                {
                    case "simulator":
                        simulator = new RetailSimulator(simulation);
                        log.Information("Simulating: {Simulation}", SimulationArguments.Describe(simulation));
                        await new SimulatorSource(simulator).RunAsync(pipeline.Gate, sourceStop.Token);
                        break;
                    case "file":
                        await new JsonLinesFileSource(input!, FileClock(line, input!, log)).RunAsync(pipeline.Gate, sourceStop.Token);
                        break;
                    default:
                        await ServeAsync(pipeline, http, line, log, sourceStop.Token);
                        break;
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

        System.Console.Out.Write(SummaryReport.Render(summary, data, delivered.Values));
        if (sourceFailure is not null)
        {
            await System.Console.Error.WriteLineAsync($"The {kind} source stopped early: {sourceFailure.Message}");
            return 1;
        }

        return summary.Balances ? 0 : 1;
    }

    /// <summary>The latest anomaly model in the folder, loaded into the processors' options; none means cold start, said so.</summary>
    private static EmbeddedOptions WithModel(EmbeddedOptions options, string folder, Serilog.ILogger log)
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

        var processors = options.Processors;
        return options with { Processors = processors with { Anomaly = processors.Anomaly with { Model = model } } };
    }

    /// <summary>The clock a file's event times are judged by: --as-of, a simulated file's end, or now.</summary>
    private static TimeProvider FileClock(CommandLine line, string input, Serilog.ILogger log)
    {
        DateTimeOffset? asOf = null;
        if (line.Value("as-of") is { } text)
        {
            asOf = DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : throw new UsageException($"--as-of '{text}' is not a date-time; use ISO 8601 such as 2026-11-20T00:00:00Z.");
        }

        asOf ??= GroundTruthFile.SimulatedEndBeside(input);
        if (asOf is null)
        {
            log.Information("Reading {File}; event times judged by the system clock", input);
            return TimeProvider.System;
        }

        log.Information("Reading {File}; event times judged as of {AsOf:O}", input, asOf);
        return new AsOfClock(asOf.Value);
    }

    private static async Task ServeAsync(EmbeddedPipeline pipeline, HttpIngestOptions http, CommandLine line,
        Serilog.ILogger log, CancellationToken stop)
    {
        var keys = ApiKeyRing.From(http);
        var app = await IngestServer.StartAsync(pipeline.Gate, keys, http, TimeProvider.System,
            logging => logging.AddSerilog(log), stop);
        await using (app)
        {
            log.Information("Listening on {Urls}{Path} for sources {Sources}; Ctrl+C to stop",
                http.Urls, IngestEndpoint.Path, string.Join(", ", keys.Sources));
            var duration = line.Value("duration") is null ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(line.Number("duration", 0, 1));
            try
            {
                await Task.Delay(duration, stop);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop taking requests, then store what was accepted.
            }

            await app.StopAsync(CancellationToken.None);
        }
    }
}
