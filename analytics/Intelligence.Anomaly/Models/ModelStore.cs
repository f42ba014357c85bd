using System.Globalization;
using System.Text.Json;

namespace Intelligence.Anomaly.Models;

/// <summary>
/// Keeps trained models as versioned JSON files in a folder (<c>anomaly-model-v{N}.json</c>): a save
/// takes the next version and never overwrites one; the stream loads the latest at start. Plain
/// file and JSON work, so the stream loads a model without ML.NET.
/// </summary>
public static class ModelStore
{
    private const string Prefix = "anomaly-model-v";
    private const string Extension = ".json";

    /// <summary>Saves the model as the folder's next version and returns it with that version.</summary>
    public static AnomalyModel Save(string folder, AnomalyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(folder);
        while (true)
        {
            var saved = model with { Version = LatestVersion(folder) + 1 };
            try
            {
                // CreateNew: a version another trainer saved meanwhile is never overwritten; take the next one instead.
                using var file = new FileStream(PathOf(folder, saved.Version), FileMode.CreateNew, FileAccess.Write);
                JsonSerializer.Serialize(file, saved, AnomalyModelJson.Default.AnomalyModel);
                return saved;
            }
            catch (IOException) when (File.Exists(PathOf(folder, saved.Version)))
            {
            }
        }
    }

    /// <summary>The highest version in the folder, or null when there is none (every family starts cold).</summary>
    public static AnomalyModel? Latest(string folder) =>
        LatestVersion(folder) is var version and > 0 ? Load(PathOf(folder, version)) : null;

    public static AnomalyModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return JsonSerializer.Deserialize(file, AnomalyModelJson.Default.AnomalyModel)
            ?? throw new InvalidDataException($"{path} holds no anomaly model.");
    }

    public static string PathOf(string folder, int version) =>
        Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{version}{Extension}"));

    private static int LatestVersion(string folder) =>
        !Directory.Exists(folder) ? 0 : Directory.EnumerateFiles(folder, $"{Prefix}*{Extension}")
            .Select(path => Path.GetFileNameWithoutExtension(path)[Prefix.Length..])
            .Select(text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0)
            .DefaultIfEmpty(0)
            .Max();
}
