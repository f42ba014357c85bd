using Intelligence.Analytics;
using Intelligence.EventLog;

namespace Intelligence.Embedded;

/// <summary>
/// A batch's identity for insert deduplication: the log's epoch and the batch's offset range in each
/// partition, hashed, and the table. The same records give the same token, so a retried batch is stored once.
/// </summary>
public static class BatchToken
{
    public static string Of<T>(string table, string logEpoch, IReadOnlyList<LogRecord<T>> batch) =>
        For(table, Identity(logEpoch, batch.Select(record => record.Position)));

    /// <summary>The batch's offsets hashed once, for a batch that is written to several tables.</summary>
    public static string Identity(string logEpoch, IEnumerable<LogPosition> batch)
    {
        var ranges = new SortedDictionary<int, (long From, long To)>();
        foreach (var (partition, offset) in batch)
        {
            ranges[partition] = ranges.TryGetValue(partition, out var range)
                ? (Math.Min(range.From, offset), Math.Max(range.To, offset))
                : (offset, offset);
        }

        return logEpoch + "|" + string.Join(',', ranges.Select(r => $"{r.Key}:{r.Value.From}-{r.Value.To}"));
    }

    public static string For(string table, string identity) => InsertToken.For(table, identity);
}
