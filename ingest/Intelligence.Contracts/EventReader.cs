using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Intelligence.Contracts.Validation;

namespace Intelligence.Contracts;

/// <summary>
/// Turns one input's bytes into an accepted <see cref="RetailEvent"/> or a rejection with a reason.
/// Every source (HTTP, file, simulator) goes through this one reader.
/// </summary>
public sealed class EventReader(EventReaderOptions options, TimeProvider clock)
{
    private static readonly JsonReaderOptions WellFormedness = new() { MaxDepth = EventReaderOptions.MaxJsonDepth };

    public EventReaderOptions Options => options;

    public ReadOutcome Read(ReadOnlySpan<byte> json) => Read(json, clock.GetUtcNow());

    /// <summary>Reads one input, judging its event time against <paramref name="now"/> (the source's clock).</summary>
    public ReadOutcome Read(ReadOnlySpan<byte> json, DateTimeOffset now)
    {
        try
        {
            return ReadUnguarded(json, now);
        }
        catch (ArithmeticException)
        {
            return Reject(RejectReason.InvalidValue, "a number in the event is out of range for its field");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // No input may stop the pipeline: whatever the reader did not foresee is refused, with what happened.
            return Reject(RejectReason.InvalidValue, $"the event could not be read ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private ReadOutcome ReadUnguarded(ReadOnlySpan<byte> json, DateTimeOffset now)
    {
        if (json.Length > options.MaxEventBytes)
        {
            return Reject(RejectReason.OversizePayload,
                $"the event is {json.Length} bytes; the limit is {options.MaxEventBytes} (Ingest:MaxEventBytes)");
        }

        if (json.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return Reject(RejectReason.MalformedJson, "the input is empty: send one JSON object per event");
        }

        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(json, ContractsJson.Default.Envelope);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            return ReadOutcome.Reject(Classify(json, ex, "envelope"));
        }

        return envelope is null
            ? Reject(RejectReason.WrongType, "the event must be a JSON object, not null")
            : Read(envelope, json, now);
    }

    private ReadOutcome Read(Envelope envelope, ReadOnlySpan<byte> json, DateTimeOffset now)
    {
        if (CheckEnvelope(envelope) is { } problem)
        {
            return ReadOutcome.Reject(problem, envelope);
        }

        if (!EventTypes.TryFind(envelope.Type!, out var type))
        {
            return Reject(RejectReason.UnknownType,
                $"event type '{Shorten(envelope.Type!)}' is not one the pipeline knows", envelope);
        }

        if (!type.SchemaVersions.Contains(envelope.SchemaVersion!.Value))
        {
            return Reject(RejectReason.UnknownSchemaVersion,
                $"{type.Name} schema version {envelope.SchemaVersion} is not supported; supported: {string.Join(", ", type.SchemaVersions)}",
                envelope);
        }

        if (CheckEventTime(envelope.OccurredAt!.Value, now) is { } late)
        {
            return ReadOutcome.Reject(late, envelope);
        }

        var payloadSpan = envelope.Payload!.Value;
        if (payloadSpan.Kind != JsonValueKind.Object)
        {
            return Reject(RejectReason.WrongType, $"payload must be a JSON object, not {payloadSpan.Kind}", envelope);
        }

        // The payload's bytes as sent: read from them once, and kept for the raw event tables as they are.
        var payloadJson = new RawJson(payloadSpan.In(json));
        IEventPayload? payload;
        try
        {
            payload = (IEventPayload?)JsonSerializer.Deserialize(payloadJson.Utf8.Span, type.Payload);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            return ReadOutcome.Reject(Classify(default, ex, "payload"), envelope);
        }

        var check = new PayloadCheck();
        payload!.Validate(check);
        if (!check.Passed)
        {
            var first = check.Problems[0];
            var detail = check.Problems.Count == 1
                ? first.Detail
                : $"{first.Detail} (and {check.Problems.Count - 1} more: {string.Join("; ", check.Problems.Skip(1).Take(3).Select(p => p.Detail))})";
            return ReadOutcome.Reject(first with { Detail = detail }, envelope);
        }

        return ReadOutcome.Accept(new RetailEvent(
            envelope.Id!, type, envelope.Source!, envelope.OccurredAt.Value.ToUniversalTime(),
            envelope.SchemaVersion.Value, envelope.Key!, payload, payloadJson));
    }

    private Rejection? CheckEnvelope(Envelope e)
    {
        var missingText = Missing(e.Id, "id") ?? Missing(e.Type, "type") ?? Missing(e.Source, "source") ?? Missing(e.Key, "key");
        if (missingText is not null)
        {
            return missingText;
        }

        if (e.OccurredAt is null)
        {
            return new Rejection(RejectReason.MissingField, "occurredAt is required");
        }

        if (e.SchemaVersion is null)
        {
            return new Rejection(RejectReason.MissingField, "schemaVersion is required");
        }

        return e.Payload is null || e.Payload.Value.Kind == JsonValueKind.Null
            ? new Rejection(RejectReason.MissingField, "payload is required")
            : null;
    }

    private Rejection? Missing(string? value, string field)
    {
        if (value is null)
        {
            return new Rejection(RejectReason.MissingField, $"{field} is required");
        }

        if (string.IsNullOrWhiteSpace(value) || value.Length > options.MaxIdLength || value.Any(char.IsControl))
        {
            return new Rejection(RejectReason.InvalidValue,
                $"{field} must be 1 to {options.MaxIdLength} printable characters");
        }

        return null;
    }

    private Rejection? CheckEventTime(DateTimeOffset occurredAt, DateTimeOffset now)
    {
        if (occurredAt > now + options.MaxFutureSkew)
        {
            return new Rejection(RejectReason.EventTimeInFuture,
                $"occurredAt {occurredAt:O} is {(occurredAt - now).TotalHours:F1} h ahead of the clock ({now:O}); the limit is {options.MaxFutureSkew.TotalHours:F1} h (Ingest:MaxFutureSkew)");
        }

        if (occurredAt < now - options.MaxEventAge)
        {
            return new Rejection(RejectReason.EventTimeTooOld,
                $"occurredAt {occurredAt:O} is {(now - occurredAt).TotalDays:F0} days old; the limit is {options.MaxEventAge.TotalDays:F0} days (Ingest:MaxEventAge)");
        }

        return null;
    }

    /// <summary>Says why the serializer refused the input: broken bytes, broken JSON, or a field of the wrong kind.</summary>
    private static Rejection Classify(ReadOnlySpan<byte> json, Exception ex, string part)
    {
        if (!json.IsEmpty)
        {
            if (!Utf8.IsValid(json))
            {
                return new Rejection(RejectReason.InvalidEncoding, "the event is not valid UTF-8");
            }

            if (WellFormednessProblem(json) is { } syntax)
            {
                return syntax;
            }
        }

        if (ex is InvalidOperationException && ex.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase))
        {
            return new Rejection(RejectReason.InvalidEncoding, $"the {part} holds text that is not valid UTF-8");
        }

        var jsonPath = (ex as JsonException)?.Path;
        var path = jsonPath is null or "$" ? part : $"{part}{jsonPath.TrimStart('$')}";
        if (ex.Message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            return new Rejection(RejectReason.MalformedJson, $"{path}: the field {FieldName(ex.Message)} appears more than once; send each field once");
        }

        if (ex.InnerException is InvalidOperationException inner && inner.Message.Contains("UTF-16", StringComparison.Ordinal))
        {
            return new Rejection(RejectReason.InvalidEncoding, $"{path} holds an escaped lone surrogate (\\uD800-\\uDFFF without its pair), which is not text");
        }

        if (ex is ExplicitOffsetTime.UnreadableTime)
        {
            return new Rejection(RejectReason.WrongType, $"{path}: {ex.Message}");
        }

        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return new Rejection(RejectReason.UnknownField,
                $"{part} has a field the contract does not define ({FieldName(ex.Message)}); send only the documented fields or raise the schema version");
        }

        if (IsDepthLimit(ex))
        {
            return new Rejection(RejectReason.TooDeep, $"JSON nesting exceeds {EventReaderOptions.MaxJsonDepth} levels");
        }

        // A number the field's type cannot hold (1e30 as a price, 2^40 as a quantity) is a value out of
        // range, not a wrong type: the sender wrote a number where a number belongs.
        if (ex is JsonException { InnerException: OverflowException }
            || (ex is JsonException { InnerException: FormatException format }
                && format.Message.Contains("too large or too small", StringComparison.Ordinal)))
        {
            return new Rejection(RejectReason.InvalidValue, $"{path} is a number out of range for that field");
        }

        return new Rejection(RejectReason.WrongType,
            path == part ? $"the {part} must be a JSON object" : $"{path} has the wrong JSON type");
    }

    private static Rejection? WellFormednessProblem(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, WellFormedness);
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException ex) when (IsDepthLimit(ex))
        {
            return new Rejection(RejectReason.TooDeep, $"JSON nesting exceeds {EventReaderOptions.MaxJsonDepth} levels");
        }
        catch (JsonException ex)
        {
            return new Rejection(RejectReason.MalformedJson,
                $"not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}");
        }
    }

    private static bool IsDepthLimit(Exception ex) =>
        ex.Message.Contains("maximum configured depth", StringComparison.Ordinal);

    private static string FieldName(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start ? $"'{Shorten(message[(start + 1)..end])}'" : "unknown name";
    }

    private static ReadOutcome Reject(RejectReason reason, string detail, Envelope? envelope = null) =>
        ReadOutcome.Reject(new Rejection(reason, detail), envelope);

    private static string Shorten(string value)
    {
        var printable = new StringBuilder(Math.Min(value.Length, 41));
        foreach (var c in value.Take(40))
        {
            printable.Append(char.IsControl(c) ? '?' : c);
        }

        return value.Length > 40 ? printable + "…" : printable.ToString();
    }
}
