using Intelligence.Contracts;

namespace Intelligence.Bench;

/// <summary>A workload file in memory: its lines as bytes, and the events ingest would accept from them.</summary>
public static class WorkloadEvents
{
    public static List<byte[]> Lines(string path) => JsonLines.Read(path).Select(line => line.ToArray()).ToList();

    /// <summary>The accepted events in file order, duplicates dropped, judged as of the file's simulated end.</summary>
    public static List<RetailEvent> Accepted(IEnumerable<byte[]> lines, DateTimeOffset asOf, EventReaderOptions? options = null)
    {
        var reader = new EventReader(options ?? new EventReaderOptions(), TimeProvider.System);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<RetailEvent>();
        foreach (var line in lines)
        {
            if (reader.Read(line, asOf).Accepted is { } e && seen.Add(e.Id))
            {
                events.Add(e);
            }
        }

        return events;
    }
}
