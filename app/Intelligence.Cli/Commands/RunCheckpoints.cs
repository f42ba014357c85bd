using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Intelligence.Analytics;
using Intelligence.Embedded;
using Intelligence.Embedded.Checkpoints;
using Intelligence.Ingest.Sources;
using Intelligence.Simulator;

namespace Intelligence.Cli.Commands;

/// <summary>
/// Whether a `run` is checkpointed, and whether it resumes: a file or the simulator is checkpointed
/// (HTTP cannot be replayed); an unfinished checkpoint in the data folder is resumed when the input
/// and options are the same, refused with the way out when they differ, and dropped with --fresh.
/// </summary>
public static class RunCheckpoints
{
    /// <summary>Every option's value, delegates aside (a function has no value to compare; what it is derived from does).</summary>
    private static readonly JsonSerializerOptions OptionValues = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                type =>
                {
                    foreach (var property in type.Properties.Where(p => typeof(Delegate).IsAssignableFrom(p.PropertyType)))
                    {
                        property.ShouldSerialize = (_, _) => false;
                    }
                },
            },
        },
    };

    public static RunCheckpointing? Prepare(string kind, CommandLine line, string data, EmbeddedOptions options,
        SimulationOptions simulation, Serilog.ILogger log)
    {
        var path = CheckpointFile.PathIn(data);
        if (kind == "http" || !options.Checkpoints.Enabled)
        {
            if (File.Exists(path))
            {
                log.Warning("{Path} is not used: runs from {Source} are not checkpointed{Disabled}", path, kind,
                    options.Checkpoints.Enabled ? "" : " (Checkpoint:Enabled is false)");
            }

            return null;
        }

        var (input, identity) = Describe(kind, line, simulation);
        var fingerprint = InsertToken.Hash(identity + "\n" + JsonSerializer.Serialize(options, OptionValues));
        var stored = line.Flag("fresh") ? null : CheckpointFile.Read(path);
        if (stored is null || stored.Run.Complete)
        {
            return new RunCheckpointing(path, options.Checkpoints, fingerprint, input, null);
        }

        if (stored.Run.Fingerprint != fingerprint)
        {
            throw new UsageException(
                $"{data} holds an unfinished run, {stored.Run.RunId} ({stored.Run.Input}), checkpointed at input "
                + $"{stored.Run.Source.Inputs:N0}, made with other input or options than these. To finish it, run the same "
                + "command as it was started with; to abandon it and start a new run, add --fresh (what it stored "
                + "stays in the store under its run id).");
        }

        return new RunCheckpointing(path, options.Checkpoints, fingerprint, input, stored);
    }

    /// <summary>The input in words, and everything that makes it the same input again.</summary>
    private static (string Input, string Identity) Describe(string kind, CommandLine line, SimulationOptions simulation)
    {
        if (kind == "simulator")
        {
            return ("simulator: " + SimulationArguments.Describe(simulation), "simulator " + JsonSerializer.Serialize(simulation, OptionValues));
        }

        var file = new FileInfo(line.Value("input")!);
        var asOf = InputSources.AsOf(line, file.FullName);
        return ($"file {file.FullName}",
            $"file {file.FullName} {file.Length} bytes, modified {file.LastWriteTimeUtc:O}, as of {asOf?.ToString("O") ?? "the system clock"}" +
            (InputSources.MayReplayAtArrivals(line, file.FullName) ? ", replayed at its recorded arrivals" : ""));
    }
}
