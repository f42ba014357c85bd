using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Intelligence.Processors.Flow;

namespace Intelligence.Embedded.Processing;

/// <summary>Output rows as one JSONEachRow insert body (one row a line, in <see cref="RowJson"/>'s form).</summary>
public static class RowBatchJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static void Write(IReadOnlyList<OutputRow> rows, ArrayBufferWriter<byte> buffer)
    {
        using var json = new Utf8JsonWriter(buffer, Options);
        foreach (var row in rows)
        {
            RowJson.Write(json, row);
            json.Flush();
            buffer.Write("\n"u8);
            json.Reset(buffer);
        }
    }
}
