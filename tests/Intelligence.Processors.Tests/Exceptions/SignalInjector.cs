using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Exceptions;

/// <summary>
/// Lets a test send signals straight to the folds that consume them, as if another fold had sent
/// them: each <see cref="Send"/> feeds one harmless event that this router turns into the signal.
/// </summary>
public sealed class SignalInjector : IRouter
{
    private readonly Queue<(string Key, ISignal Signal)> _next = new();

    public IReadOnlyCollection<Type> Consumes { get; } = [typeof(PromotionEnded)];

    public FoldHarness? Harness { get; set; }

    public static FoldHarness Around(out SignalInjector injector, params IFold[] folds)
    {
        injector = new SignalInjector();
        injector.Harness = new FoldHarness(new Topology(folds, [injector]));
        return injector.Harness;
    }

    public SignalInjector Send(string key, ISignal signal, DateTimeOffset at)
    {
        _next.Enqueue((key, signal));
        Harness!.Feed("inject", new PromotionEnded { PromotionId = "inject", Channel = "webstore" }, at);
        return this;
    }

    public void Route(RetailEvent e, IOutputs outputs)
    {
        while (_next.TryDequeue(out var next))
        {
            outputs.Send(next.Key, next.Signal);
        }
    }
}
