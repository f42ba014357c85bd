using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Tests.Orders;

/// <summary>A fold that only records the signals of the given types it receives, with their keys, in arrival order.</summary>
public sealed class SignalRecorder(params Type[] types) : Fold<SignalRecorder.Nothing>
{
    public override string Name => "signal-recorder";

    public override IReadOnlyCollection<Type> Consumes { get; } = types;

    public List<(string Key, object Signal, DateTimeOffset At)> Seen { get; } = [];

    public IEnumerable<(string Key, T Signal)> Of<T>() =>
        Seen.Where(s => s.Signal is T).Select(s => (s.Key, (T)s.Signal));

    protected override void Apply(Nothing state, in Message message, IOutputs outputs) =>
        Seen.Add((message.Key, message.Body, message.At));

    public sealed class Nothing : FoldState;
}
