using System.Security.Cryptography;
using System.Text;
using Intelligence.EventLog;

namespace Intelligence.Embedded;

/// <summary>
/// A batch's identity for insert deduplication: the log's epoch and the batch's offset range in each
/// partition, hashed, and the table. The same records give the same token, so a retried batch is stored once.
/// </summary>
public static class BatchToken
{
    public static string Of<T>(string table, string logEpoch, IReadOnlyList<LogRecord<T>> batch)
    {
        var ranges = new SortedDictionary<int, (long From, long To)>();
        foreach (var record in batch)
        {
            var (partition, offset) = (record.Position.Partition, record.Position.Offset);
            ranges[partition] = ranges.TryGetValue(partition, out var range)
                ? (Math.Min(range.From, offset), Math.Max(range.To, offset))
                : (offset, offset);
        }

        var identity = logEpoch + "|" + string.Join(',', ranges.Select(r => $"{r.Key}:{r.Value.From}-{r.Value.To}"));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
        return $"{table}:{hash}";
    }
}
