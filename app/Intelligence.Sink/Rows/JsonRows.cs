using System.Text.Json;

namespace Intelligence.Sink.Rows;

/// <summary>Checks that a value stored as it is is one JSON object, so a broken record becomes a dead letter instead of failing its whole batch.</summary>
internal static class JsonRows
{
    private static readonly JsonReaderOptions Reading = new() { MaxDepth = 64 };

    public static bool IsOneObject(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, Reading);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
