using System.Text.Json;
using System.Text.Json.Serialization;

namespace Intelligence.Processors.Flow;

/// <summary>
/// A fold's state as JSON of <see cref="IFold.StateType"/>: how a Kafka state store keeps it, and how
/// the embedded runtime's checkpoint does.
/// </summary>
public static class StateJson
{
    /// <summary>System.Text.Json's defaults, plus floating-point NaN and infinities.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static byte[] Write(FoldState state, Type stateType) => JsonSerializer.SerializeToUtf8Bytes(state, stateType, Options);

    public static FoldState Read(byte[] json, Type stateType) =>
        (FoldState?)JsonSerializer.Deserialize(json, stateType, Options)
        ?? throw new JsonException($"A stored {stateType.Name} is null.");
}
