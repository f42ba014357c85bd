using System.Text.Json;
using Intelligence.Processors.Flow;

namespace Intelligence.Embedded.Checkpoints;

/// <summary>
/// A run's checkpoint on disk (<c>DATA/checkpoints/run.json</c>): the <see cref="RunCheckpoint"/> and every
/// fold's states by key. Written to a temporary file, flushed to disk, then renamed over the old one,
/// so a crash at any moment leaves the previous checkpoint or the new one, never half of either.
/// </summary>
public static class CheckpointFile
{
    public const string Folder = "checkpoints";

    public const string Name = "run.json";

    private static readonly JsonSerializerOptions HeaderOptions = new(JsonSerializerDefaults.Web);

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, Folder, Name);

    /// <summary>Writes the checkpoint; <paramref name="engine"/> null writes no states (a completed run's marker).</summary>
    public static async Task WriteAsync(string path, RunCheckpoint run, FoldEngine? engine, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, useAsync: false))
        {
            await using (var json = new Utf8JsonWriter(file))
            {
                json.WriteStartObject();
                json.WritePropertyName("run");
                JsonSerializer.Serialize(json, run, HeaderOptions);
                json.WritePropertyName("states");
                json.WriteStartObject();
                foreach (var fold in engine?.Topology.Folds ?? [])
                {
                    json.WritePropertyName(fold.Name);
                    json.WriteStartObject();
                    foreach (var (key, state) in engine!.Store(fold.Name))
                    {
                        json.WritePropertyName(key);
                        JsonSerializer.Serialize(json, state, fold.StateType, StateJson.Options);
                    }

                    json.WriteEndObject();
                    await json.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The checkpoint at <paramref name="path"/>, or null when there is none.</summary>
    public static StoredCheckpoint? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var file = File.OpenRead(path);
        using var document = JsonDocument.Parse(file);
        var run = document.RootElement.GetProperty("run").Deserialize<RunCheckpoint>(HeaderOptions)
            ?? throw new JsonException($"Checkpoint '{path}' has no run.");
        if (run.Format != RunCheckpoint.CurrentFormat)
        {
            throw new JsonException($"Checkpoint '{path}' is format {run.Format}; this program reads format {RunCheckpoint.CurrentFormat}.");
        }

        return new StoredCheckpoint(run, document.RootElement.GetProperty("states").Clone());
    }

    public static void Delete(string path) => File.Delete(path);
}

/// <summary>A checkpoint read back: the run, and the fold states still as JSON (their types come from the topology).</summary>
public sealed record StoredCheckpoint(RunCheckpoint Run, JsonElement States)
{
    /// <summary>Every key's state, by fold, read as the topology's state types.</summary>
    public IEnumerable<(string Fold, string Key, FoldState State)> StatesOf(Topology topology)
    {
        foreach (var fold in States.EnumerateObject())
        {
            var type = topology.Fold(fold.Name).StateType;
            foreach (var key in fold.Value.EnumerateObject())
            {
                yield return (fold.Name, key.Name, (FoldState?)key.Value.Deserialize(type, StateJson.Options)
                    ?? throw new JsonException($"The checkpoint holds a null state for {fold.Name} key {key.Name}."));
            }
        }
    }
}
