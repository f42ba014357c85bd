using Intelligence.Contracts;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Quality;

/// <summary>An accepted event seen from its source's side, keyed by source.</summary>
public sealed record EventObserved(string Type) : ISignal;

/// <summary>Sends every accepted event, by its source, to the data-quality fold.</summary>
public sealed class SourceActivityRouter : IRouter
{
    public IReadOnlyCollection<Type> Consumes { get; } = EventTypes.All.Select(t => t.Payload.Type).ToArray();

    public void Route(RetailEvent e, IOutputs outputs) => outputs.Send(e.Source, new EventObserved(e.Type.Name));
}
