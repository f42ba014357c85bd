using Intelligence.Processors.Flow;

namespace Intelligence.Embedded.Processing;

/// <summary>A read-only window on the processors' state, for tests and interactive queries after a run.</summary>
public sealed class FoldEngineView(FoldEngine engine)
{
    public DateTimeOffset StreamTime => engine.StreamTime;

    public IReadOnlyDictionary<string, FoldState> Store(string fold) => engine.Store(fold);
}
