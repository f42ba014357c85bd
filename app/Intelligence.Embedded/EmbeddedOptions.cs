using Intelligence.Contracts;
using Intelligence.Embedded.Checkpoints;
using Intelligence.EventLog;
using Intelligence.Processors;

namespace Intelligence.Embedded;

/// <summary>Everything the embedded runtime needs to know, with defaults that suit one machine.</summary>
public sealed record EmbeddedOptions
{
    /// <summary>The analytics database the pipeline writes to.</summary>
    public string Database { get; init; } = "intelligence";

    public TopicOptions Events { get; init; } = new() { Name = "events", Partitions = 8 };

    public TopicOptions DeadLetters { get; init; } = new() { Name = "dead-letters", Partitions = 2, MaxBytes = 64L * 1024 * 1024 };

    public SinkOptions Sink { get; init; } = new();

    public EventReaderOptions Reader { get; init; } = new();

    /// <summary>How many recent event ids are remembered to drop re-sent events.</summary>
    public int DuplicateWindow { get; init; } = 1_000_000;

    /// <summary>When runs from a file or the simulator are checkpointed (configuration section <c>Checkpoint</c>).</summary>
    public CheckpointOptions Checkpoints { get; init; } = new();

    /// <summary>The processors' settings (configuration section <c>Processors</c>).</summary>
    public ProcessorOptions Processors { get; init; } = new();
}
