using System.Text.Json;
using System.Text.Json.Serialization;

namespace Intelligence.Ingest.Http;

/// <summary>What happened to each event of a batch, by its index in the request.</summary>
public sealed record EventResponse(int Index, string? Id, string Status, string? Reason = null, string? Detail = null);

public sealed record BatchResponse(
    int Accepted,
    int Duplicates,
    int Rejected,
    IReadOnlyList<EventResponse> Results,
    IReadOnlyList<int>? NotProcessed = null,
    string? Error = null);

/// <summary>An error that refuses the whole request, with what to do about it.</summary>
public sealed record ErrorResponse(string Error);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BatchResponse))]
[JsonSerializable(typeof(ErrorResponse))]
public sealed partial class IngestJson : JsonSerializerContext;
