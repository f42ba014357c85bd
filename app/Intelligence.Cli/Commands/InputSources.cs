using Intelligence.Embedded;
using Intelligence.Ingest;
using Intelligence.Ingest.Http;
using Intelligence.Ingest.Sources;
using Intelligence.Simulator;
using Serilog;

namespace Intelligence.Cli.Commands;

/// <summary>
/// The sources `run` and `ingest` read, through one gate: the simulator, a JSON-lines file, or the
/// HTTP endpoint (until --duration or Ctrl+C). A file or the simulator can start at a checkpoint's
/// position and tell <c>consumed</c> of each input; HTTP cannot be replayed, so it is never checkpointed.
/// </summary>
public static class InputSources
{
    public static void Require(string kind, string? input)
    {
        if (kind is not ("simulator" or "file" or "http"))
        {
            throw new UsageException($"--source must be simulator, file or http (got '{kind}').");
        }

        if (kind == "file" && (input is null || !File.Exists(input)))
        {
            throw new UsageException(input is null
                ? "--source file needs --input FILE (write one with ./intelligence simulate --out FILE)."
                : $"Input file '{input}' does not exist.");
        }
    }

    public static async Task RunAsync(string kind, IngestGate gate, RetailSimulator? simulator, HttpIngestOptions http,
        CommandLine line, Serilog.ILogger log, CancellationToken stop, SourcePosition start = default, InputConsumed? consumed = null)
    {
        switch (kind)
        {
            case "simulator":
                await new SimulatorSource(simulator!, start, consumed).RunAsync(gate, stop);
                break;
            case "file":
                var input = line.Value("input")!;
                using (var arrivals = Arrivals(line, input, start, log))
                {
                    var clock = arrivals is null ? FileClock(line, input, log) : TimeProvider.System;
                    await new JsonLinesFileSource(input, clock, start, consumed, arrivals).RunAsync(gate, stop);
                }

                break;
            default:
                await ServeAsync(gate, http, line, log, stop);
                break;
        }
    }

    /// <summary>
    /// The arrival times recorded beside a file (<c>simulate --out</c> writes them), which replay it
    /// as it arrived: each input judged at its own arrival. Not used when --as-of names one instant.
    /// </summary>
    public static RecordedArrivals? Arrivals(CommandLine line, string input, SourcePosition start, Serilog.ILogger log)
    {
        if (!MayReplayAtArrivals(line, input))
        {
            return null;
        }

        var arrivals = RecordedArrivals.Open(input, start.Inputs, out var whyNot);
        if (arrivals is null)
        {
            log.Warning("Not replaying {File} at its recorded arrivals: {Reason}", input, whyNot);
            return null;
        }

        log.Information("Replaying {File} as it arrived: each of its {Inputs:N0} inputs judged at its recorded arrival", input, arrivals.Count);
        return arrivals;
    }

    /// <summary>Whether a file is to be replayed at the arrivals recorded beside it: it has them and --as-of is not given.</summary>
    public static bool MayReplayAtArrivals(CommandLine line, string input) =>
        line.Value("as-of") is null && File.Exists(RecordedArrivals.PathFor(input));

    /// <summary>The clock a file's event times are judged by when it has no recorded arrivals: --as-of, a simulated file's end, or now.</summary>
    public static TimeProvider FileClock(CommandLine line, string input, Serilog.ILogger log)
    {
        var asOf = AsOf(line, input);
        if (asOf is null)
        {
            log.Information("Reading {File}; event times judged by the system clock", input);
            return TimeProvider.System;
        }

        log.Information("Reading {File}; event times judged as of {AsOf:O}", input, asOf);
        return new AsOfClock(asOf.Value);
    }

    /// <summary>The instant a file's event times are judged as of: --as-of, else a simulated file's end; null for the system clock.</summary>
    public static DateTimeOffset? AsOf(CommandLine line, string input)
    {
        if (line.Value("as-of") is { } text)
        {
            return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : throw new UsageException($"--as-of '{text}' is not a date-time; use ISO 8601 such as 2026-11-20T00:00:00Z.");
        }

        return GroundTruthFile.SimulatedEndBeside(input);
    }

    private static async Task ServeAsync(IngestGate gate, HttpIngestOptions http, CommandLine line,
        Serilog.ILogger log, CancellationToken stop)
    {
        var keys = ApiKeyRing.From(http);
        var app = await IngestServer.StartAsync(gate, keys, http, TimeProvider.System,
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
