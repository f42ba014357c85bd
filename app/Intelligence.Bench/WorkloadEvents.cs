using Intelligence.Contracts;
using Intelligence.Ingest.Sources;

namespace Intelligence.Bench;

/// <summary>A workload file in memory: its lines as bytes, and the events ingest would accept from them.</summary>
public static class WorkloadEvents
{
    public static List<byte[]> Lines(string path) => JsonLines.Read(path).Select(line => line.ToArray()).ToList();

    /// <summary>
    /// The accepted events in file order, duplicates dropped, each line judged at its arrival (the
    /// next of <paramref name="arrivals"/>). <paramref name="seen"/> carries the ids across calls.
    /// </summary>
    public static List<RetailEvent> Accepted(IEnumerable<byte[]> lines, RecordedArrivals arrivals, EventReaderOptions? options = null,
        HashSet<string>? seen = null)
    {
        var reader = new EventReader(options ?? new EventReaderOptions(), TimeProvider.System);
        seen ??= new HashSet<string>(StringComparer.Ordinal);
        var events = new List<RetailEvent>();
        foreach (var line in lines)
        {
            if (reader.Read(line, arrivals.Next()).Accepted is { } e && seen.Add(e.Id))
            {
                events.Add(e);
            }
        }

        return events;
    }
}
