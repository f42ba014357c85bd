using System.Text.Json;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Streamiz;

/// <summary>A fold's state as its store keeps it: the JSON of <see cref="IFold.StateType"/>.</summary>
public static class StateJson
{
    public static byte[] Write(FoldState state, Type stateType) => JsonSerializer.SerializeToUtf8Bytes(state, stateType, BodyTypes.Options);

    public static FoldState Read(byte[] json, Type stateType) =>
        (FoldState?)JsonSerializer.Deserialize(json, stateType, BodyTypes.Options)
        ?? throw new JsonException($"A stored {stateType.Name} is null.");
}
