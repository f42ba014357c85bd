using System.Text.Json;

namespace Intelligence.Simulator;

/// <summary>Writes a simulation's ground truth (what was injected, where, from when to when) as JSON.</summary>
public static class GroundTruthFile
{
    /// <summary>Writes the file; <paramref name="simulatedEnd"/> is the simulated time of the last input.</summary>
    public static void Write(string path, SimulationOptions options, DateTimeOffset simulatedEnd, IReadOnlyList<ScenarioTruth> truth)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("seed", options.Seed);
        json.WriteNumber("events", options.Events);
        json.WriteString("start", options.Start);
        json.WriteString("simulatedEnd", simulatedEnd);
        json.WriteStartArray("scenarios");
        foreach (var t in truth)
        {
            json.WriteStartObject();
            json.WriteString("scenario", t.Scenario.ToName());
            json.WriteString("entityKind", t.EntityKind);
            json.WriteString("entityId", t.EntityId);
            json.WriteString("description", t.Description);
            json.WriteString("startsAt", t.StartsAt);
            json.WriteString("endsAt", t.EndsAt);
            json.WriteStartObject("details");
            foreach (var (key, value) in t.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The simulated end recorded beside a simulated file, if there is one.</summary>
    public static DateTimeOffset? SimulatedEndBeside(string inputFile) => TimeBeside(inputFile, "simulatedEnd");

    private static DateTimeOffset? TimeBeside(string inputFile, string property)
    {
        var path = inputFile + ".truth.json";
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.TryGetProperty(property, out var value) && value.TryGetDateTimeOffset(out var at) ? at : null;
    }
}
