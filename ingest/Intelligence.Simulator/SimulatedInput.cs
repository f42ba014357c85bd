namespace Intelligence.Simulator;

/// <summary>What an input is meant to be; tests and data-quality checks compare it with what ingest decided.</summary>
public enum InputKind
{
    Clean,
    Malformed,
    SchemaViolation,
    Duplicate,
    OutOfOrder,
    Late,
}

/// <summary>One input as a source would send it: the wire bytes and what kind of input it is.</summary>
public readonly record struct SimulatedInput(byte[] Json, InputKind Kind);
