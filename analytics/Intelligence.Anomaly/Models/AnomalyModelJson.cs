using System.Text.Json.Serialization;

namespace Intelligence.Anomaly.Models;

/// <summary>The JSON shape of a saved <see cref="AnomalyModel"/> (source-generated, so loading needs no reflection).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AnomalyModel))]
internal sealed partial class AnomalyModelJson : JsonSerializerContext;
