using System.Text.Json;
using System.Text.Unicode;
using Intelligence.EventLog;
using Intelligence.Ingest;

namespace Intelligence.Embedded;

/// <summary>A refused input as a row of <c>dead_letters</c>; bytes that are not UTF-8 are kept as base64.</summary>
public static class DeadLetterRows
{
    public const string Table = "dead_letters";

    public static void Write(Utf8JsonWriter row, LogRecord<DeadLetter> record)
    {
        var letter = record.Value;
        var raw = letter.Raw.Span;
        var utf8 = Utf8.IsValid(raw);
        row.WriteStartObject();
        row.WriteString("received_at", StoreTime.Format(letter.ReceivedAt));
        row.WriteString("source", letter.Source);
        row.WriteString("reason", letter.Rejection.Code);
        row.WriteString("detail", letter.Rejection.Detail);
        row.WriteString("event_id", letter.EventId ?? "");
        row.WriteString("event_type", letter.EventType ?? "");
        if (utf8)
        {
            row.WriteString("raw", raw);
        }
        else
        {
            row.WriteBase64String("raw", raw);
        }

        row.WriteString("raw_encoding", utf8 ? "utf8" : "base64");
        row.WriteNumber("raw_bytes", letter.RawBytes);
        row.WriteNumber("log_partition", record.Position.Partition);
        row.WriteNumber("log_offset", record.Position.Offset);
        row.WriteEndObject();
    }
}
