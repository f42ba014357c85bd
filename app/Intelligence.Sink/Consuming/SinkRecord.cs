using System.Text;

namespace Intelligence.Sink.Consuming;

/// <summary>
/// One record as the sink reads it: where it sits, its timestamp, its value (empty for a null
/// value) and its headers. The key is not read: every row the sink writes is in the value.
/// </summary>
public sealed record SinkRecord(
    PartitionId Partition,
    long Offset,
    DateTimeOffset Timestamp,
    ReadOnlyMemory<byte> Value,
    IReadOnlyList<KeyValuePair<string, byte[]>> Headers)
{
    /// <summary>The last header named <paramref name="name"/> as UTF-8 text, or null when there is none.</summary>
    public string? Header(string name)
    {
        for (var i = Headers.Count - 1; i >= 0; i--)
        {
            if (Headers[i].Key == name)
            {
                return Encoding.UTF8.GetString(Headers[i].Value);
            }
        }

        return null;
    }
}
