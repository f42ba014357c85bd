using Intelligence.Cli.Commands;
using Serilog;

namespace Intelligence.Cli;

/// <summary>Dispatches a command line to its command and turns failures into messages and exit codes.</summary>
public static class Cli
{
    public const string Usage = """
        intelligence: retail operational intelligence, embedded (one process, no services) or
        distributed (Kafka, Streamiz, a ClickHouse server).

        Commands, embedded:
          run        run the pipeline: simulator, file or HTTP source into the embedded ClickHouse store
          simulate   write simulated retail events to a JSON-lines file, or POST them to a running ingest
          sql        query the embedded store with ClickHouse SQL (read-only by default)
          serve      the dashboards in a browser: the embedded console on http://127.0.0.1:5090, read-only
          keys       create and list API keys for the HTTP source
          train      train the anomaly models (ML.NET) on the scored KPI history in the store
          eval-anomaly  measure anomaly detection: the simulator's scenarios and the NAB benchmark
          bench      the pipeline beside its alternatives (bound, ClickHouse views, Streamiz), latency, growth

        Commands, distributed (deploy/README.md):
          topics     create the Kafka topics (idempotent)
          migrate    bring a ClickHouse server's database up to the pipeline's schema
          ingest     the ingest role: HTTP, file or simulator through the gate into Kafka
          process    the processors on Kafka (Streamiz), with changelogged state
          sink       the output topics into a ClickHouse server, batched and exactly once
          health     ask a running role's /healthz (for container health checks)

        `intelligence COMMAND --help` explains each. Settings: appsettings.json beside the program,
        --config FILE, and environment variables INTELLIGENCE_<Section>__<Key> (see README).
        Exit codes: 0 done, 1 failed (or the account did not balance), 2 wrong usage, 130 stopped by Ctrl+C.
        """;

    /// <summary>Every command, in the order the usage lists them.</summary>
    public static readonly IReadOnlyList<string> Commands =
        ["run", "simulate", "sql", "serve", "keys", "train", "eval-anomaly", "bench", "topics", "migrate", "ingest", "process", "sink", "health"];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            System.Console.Out.Write(args.Length > 1 ? HelpFor(args[1]) : Usage);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        System.Console.CancelKeyPress += (_, e) =>
        {
            if (!stop.IsCancellationRequested)
            {
                e.Cancel = true;
                stop.Cancel();
            }
        };

        // Containers and orchestrators stop a process with SIGTERM: treat it as Ctrl+C, so that a
        // role commits and closes instead of dying mid-batch.
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });

        var command = args[0];
        try
        {
            var (valued, flags) = OptionsOf(command);
            var line = CommandLine.Parse(args.Skip(1), valued, flags);
            if (line.WantsHelp)
            {
                System.Console.Out.Write(HelpFor(command));
                return 0;
            }

            var settings = Settings.Load(line.Value("config"));
            var log = Logging.Create(settings);
            try
            {
                return command switch
                {
                    "run" => await RunCommand.ExecuteAsync(line, settings, log, stop.Token),
                    "simulate" => await SimulateCommand.ExecuteAsync(line, log, stop.Token),
                    "sql" => await SqlCommand.ExecuteAsync(line, settings),
                    "migrate" => await MigrateCommand.ExecuteAsync(line, settings, stop.Token),
                    "serve" => await ServeCommand.ExecuteAsync(line, settings, log, stop.Token),
                    "train" => await TrainCommand.ExecuteAsync(line, settings, stop.Token),
                    "eval-anomaly" => EvalAnomalyCommand.Execute(line, settings),
                    "bench" => await BenchCommand.ExecuteAsync(line, settings, log, stop.Token),
                    "topics" => await TopicsCommand.ExecuteAsync(line, settings),
                    "ingest" => await IngestCommand.ExecuteAsync(line, settings, log, stop.Token),
                    "process" => await ProcessCommand.ExecuteAsync(line, settings, log, stop.Token),
                    "sink" => await SinkCommand.ExecuteAsync(line, settings, log, stop.Token),
                    "health" => await HealthCommand.ExecuteAsync(line, settings, stop.Token),
                    "keys" => KeysCommand.Execute(line, settings),
                    _ => throw new UsageException($"Unknown command '{command}'."),
                };
            }
            finally
            {
                (log as IDisposable)?.Dispose();
            }
        }
        catch (UsageException ex)
        {
            await System.Console.Error.WriteLineAsync($"{ex.Message} See `./intelligence {command} --help`.");
            return 2;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await System.Console.Error.WriteLineAsync($"intelligence {command}: stopped by the user.");
            return 130;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Every failure ends with a sentence and an exit code, never a stack trace.
            await System.Console.Error.WriteLineAsync($"intelligence {command} failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The options that take a value and the flags of <paramref name="command"/>; a <see cref="UsageException"/> for an unknown command.</summary>
    public static (IReadOnlySet<string> Valued, IReadOnlySet<string> Flags) OptionsOf(string command) => command switch
    {
        "run" => (RunCommand.Valued, RunCommand.Flags),
        "simulate" => (SimulateCommand.Valued, SimulateCommand.Flags),
        "sql" => (SqlCommand.Valued, SqlCommand.Flags),
        "migrate" => (MigrateCommand.Valued, MigrateCommand.Flags),
        "serve" => (ServeCommand.Valued, ServeCommand.Flags),
        "keys" => (KeysCommand.Valued, KeysCommand.Flags),
        "train" => (TrainCommand.Valued, TrainCommand.Flags),
        "eval-anomaly" => (EvalAnomalyCommand.Valued, EvalAnomalyCommand.Flags),
        "bench" => (BenchCommand.Valued, BenchCommand.Flags),
        "topics" => (TopicsCommand.Valued, TopicsCommand.Flags),
        "ingest" => (IngestCommand.Valued, IngestCommand.Flags),
        "process" => (ProcessCommand.Valued, ProcessCommand.Flags),
        "sink" => (SinkCommand.Valued, SinkCommand.Flags),
        "health" => (HealthCommand.Valued, HealthCommand.Flags),
        _ => throw new UsageException($"Unknown command '{command}'. Commands: {string.Join(", ", Commands)}."),
    };

    private static string HelpFor(string command) => command switch
    {
        "run" => RunCommand.Usage,
        "simulate" => SimulateCommand.Usage,
        "sql" => SqlCommand.Usage,
        "migrate" => MigrateCommand.Usage,
        "serve" => ServeCommand.Usage,
        "keys" => KeysCommand.Usage,
        "train" => TrainCommand.Usage,
        "eval-anomaly" => EvalAnomalyCommand.Usage,
        "bench" => BenchCommand.Usage,
        "topics" => TopicsCommand.Usage,
        "ingest" => IngestCommand.Usage,
        "process" => ProcessCommand.Usage,
        "sink" => SinkCommand.Usage,
        "health" => HealthCommand.Usage,
        _ => Usage,
    };
}
