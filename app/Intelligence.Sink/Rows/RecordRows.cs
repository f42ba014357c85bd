using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Intelligence.Sink.Consuming;

namespace Intelligence.Sink.Rows;

/// <summary>Turns any record the sink reads into exactly one JSONEachRow line, by the topic it came from.</summary>
internal sealed class RecordRows(KafkaSinkOptions options) : IDisposable
{
    private static readonly JsonWriterOptions RowOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly EventRows _events = new();
    private readonly Utf8JsonWriter _json = new(Stream.Null, RowOptions);

    /// <summary>Appends the record's row and a newline to <paramref name="rows"/>; says which table it is for.</summary>
    public RowTarget Write(SinkRecord record, IBufferWriter<byte> rows)
    {
        var json = _json;
        json.Reset(rows);
        var topic = record.Partition.Topic;
        RowTarget target;
        if (topic == options.EventsTopic)
        {
            target = _events.Write(json, record);
        }
        else if (topic == options.OutputsTopic)
        {
            target = OutputRows.Write(json, rows, record);
        }
        else if (topic == options.DeadLetterTopic)
        {
            target = DeadLetterRecordRows.Write(json, rows, record);
        }
        else
        {
            throw new InvalidOperationException($"The sink read {record.Partition}, a topic it does not subscribe to.");
        }

        json.Flush();
        rows.Write("\n"u8);
        return target;
    }

    public void Dispose() => _json.Dispose();
}
