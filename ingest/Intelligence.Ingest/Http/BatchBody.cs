using System.Text.Json;

namespace Intelligence.Ingest.Http;

/// <summary>
/// Splits a request body into its events without judging them: a JSON array of events, or
/// NDJSON (one event a line). Each event is then read by the gate on its own, so one bad event
/// does not spoil its neighbours.
/// </summary>
public static class BatchBody
{
    // Deep enough to reach past the gate's own depth limit, so that a too-deep event is refused on
    // its own with a reason rather than failing the whole batch.
    private static readonly JsonReaderOptions SplitOptions = new() { MaxDepth = 256 };

    public static bool IsNdjson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase));

    public static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/json;", StringComparison.OrdinalIgnoreCase));

    public static List<ReadOnlyMemory<byte>> SplitLines(ReadOnlyMemory<byte> body)
    {
        var events = new List<ReadOnlyMemory<byte>>();
        var rest = body;
        while (!rest.IsEmpty)
        {
            var newline = rest.Span.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? ReadOnlyMemory<byte>.Empty : rest[(newline + 1)..];
            var trimmed = line.Span.Trim(" \t\r"u8);
            if (!trimmed.IsEmpty)
            {
                var start = line.Span.IndexOf(trimmed);
                events.Add(line.Slice(start, trimmed.Length));
            }
        }

        return events;
    }

    /// <summary>Splits a JSON array; returns an error sentence when the body is not one.</summary>
    public static string? TrySplitArray(ReadOnlyMemory<byte> body, out List<ReadOnlyMemory<byte>> events)
    {
        events = [];
        try
        {
            var reader = new Utf8JsonReader(body.Span, SplitOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return "the body must be a JSON array of events (or NDJSON with Content-Type application/x-ndjson)";
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                events.Add(body[start..(int)reader.BytesConsumed]);
            }

            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                return "the body has content after the end of the JSON array";
            }

            return null;
        }
        catch (JsonException ex)
        {
            return $"the body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}); send a JSON array of events or NDJSON";
        }
    }
}
