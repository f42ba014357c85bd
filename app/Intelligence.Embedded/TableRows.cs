using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Intelligence.Analytics;
using Intelligence.EventLog;

namespace Intelligence.Embedded;

/// <summary>Writes a batch of log records as the rows of one insert, in the format the body names.</summary>
public delegate InsertBody TableRows<T>(IReadOnlyList<LogRecord<T>> batch, ArrayBufferWriter<byte> buffer);

/// <summary>The forms a <see cref="TableSink{T}"/> can write its rows in.</summary>
public static class TableRows
{
    private static readonly JsonWriterOptions RowOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>JSONEachRow, one object a line, each written by <paramref name="writeRow"/>.</summary>
    public static TableRows<T> Json<T>(Action<Utf8JsonWriter, LogRecord<T>> writeRow) => (batch, buffer) =>
    {
        using var writer = new Utf8JsonWriter(buffer, RowOptions);
        foreach (var record in batch)
        {
            writeRow(writer, record);
            writer.Flush();
            buffer.Write("\n"u8);
            writer.Reset(buffer);
        }

        return InsertBody.JsonEachRow(buffer.WrittenMemory);
    };
}
