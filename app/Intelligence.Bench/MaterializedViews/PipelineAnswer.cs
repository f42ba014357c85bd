using Intelligence.Contracts;
using Intelligence.Ingest.Sources;
using Intelligence.Processors;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;

namespace Intelligence.Bench.MaterializedViews;

/// <summary>
/// What the processors make of the same lines, as the reference the views are judged against: the
/// lines the gate accepts, each id once, through the whole retail topology in memory. Not timed.
/// </summary>
public sealed record PipelineAnswer(
    IReadOnlyDictionary<string, long> Ats, IReadOnlySet<string> OpenExceptions, long Accepted, IReadOnlyCollection<string> RejectedIds, long Rejected,
    long Duplicates)
{
    public static PipelineAnswer Compute(WorkloadLines lines, RecordedArrivals arrivals, ProcessorOptions options)
    {
        var reader = new EventReader(new EventReaderOptions(), TimeProvider.System);
        var engine = new FoldEngine(RetailTopology.Build(options));
        var sink = new DiscardingSink();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rejectedIds = new HashSet<string>(StringComparer.Ordinal);
        long rejected = 0, duplicates = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var outcome = reader.Read(lines.Line(i).Span, arrivals.Next());
            if (outcome.Accepted is not { } accepted)
            {
                rejected++;
                if (outcome.EventId is { } id)
                {
                    rejectedIds.Add(id);
                }
            }
            else if (!seen.Add(accepted.Id))
            {
                duplicates++;
            }
            else
            {
                engine.Process(accepted, sink);
            }
        }

        var ats = engine.Store(StockPositionFold.FoldName).Values.Cast<StockPosition>()
            .ToDictionary(p => StockKeys.Of(p.Sku, p.Location), p => (long)(p.Unpromised - options.Inventory.SafetyStockAt(p.Location)), StringComparer.Ordinal);
        var open = engine.Store("exception-queue")
            .Where(e => e.Value is ExceptionState { IsOpen: true } state && ExceptionKpis.Categories.Contains(state.Category!))
            .Select(e => e.Key)
            .ToHashSet(StringComparer.Ordinal);
        return new PipelineAnswer(ats, open, seen.Count, rejectedIds, rejected, duplicates);
    }

    private sealed class DiscardingSink : IOutputSink
    {
        public void Row(OutputRow row)
        {
        }

        public void Failed(in Message message, string fold, Exception error)
        {
        }
    }
}
