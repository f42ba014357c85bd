using System.Diagnostics;
using Intelligence.Analytics.Chdb;
using Intelligence.Processors;
using Intelligence.Processors.Exceptions;

namespace Intelligence.Bench.MaterializedViews;

/// <summary>
/// The approach "clickhouse-mv": what a ClickHouse user would do instead of the pipeline. The raw
/// lines go into chDB in batches; materialized views keep stock and exception ledgers; ATS and the
/// open exceptions are read with SQL at the end. Judged key by key against the processors on the
/// same lines (see README.md in this folder).
/// </summary>
public static class MaterializedViewApproach
{
    public const string Name = "clickhouse-mv";

    public static async Task<Measurement> RunAsync(string workloadFile, string scratchFolder, IProgress<string>? progress, CancellationToken ct)
    {
        var lines = WorkloadLines.Read(workloadFile);
        await using var store = ChdbStore.Open(Path.Combine(scratchFolder, "chdb-mv"));
        foreach (var statement in ViewSchema.Statements())
        {
            await store.ExecuteAsync(statement, ct);
        }

        var insertSeconds = await RawEventInserts.RunAsync(store, lines, progress, ct);
        var clock = Stopwatch.StartNew();
        var ats = await AvailableToSellQuery.RunAsync(store, deduplicated: false, ct);
        var atsSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var open = await ExceptionKpis.OpenAsync(store, ct);
        var exceptionSeconds = clock.Elapsed.TotalSeconds;
        var peak = PeakMemory.Bytes();

        // Not timed: the variants that explain the disagreements, the row counts, and the reference.
        var atsDeduplicated = await AvailableToSellQuery.RunAsync(store, deduplicated: true, ct);
        var atsSumsOnly = await AvailableToSellQuery.SumsOnlyAsync(store, ct);
        var rows = await ViewSchema.RowCountsAsync(store, ct);
        progress?.Report($"{Name}: computing the processors' answer on the same lines (not timed)");
        var options = new ProcessorOptions();
        using var arrivals = Workload.Arrivals(workloadFile);
        var pipeline = PipelineAnswer.Compute(lines, arrivals, options);

        long EmptyPosition(string key) => -options.Inventory.SafetyStockAt(key[(key.LastIndexOf('@') + 1)..]);
        var figures = new List<Figure>
        {
            new("insert seconds", insertSeconds, "s"),
            new("insert events/s", insertSeconds > 0 ? lines.Count / insertSeconds : 0, "events/s"),
            new("ats query seconds", atsSeconds, "s"),
            new("exceptions query seconds", exceptionSeconds, "s"),
            new("lines clickhouse cannot parse", rows["events_raw"] - rows["events"], "lines"),
            new("lines the gate rejects", pipeline.Rejected, "lines"),
            new("duplicate lines", pipeline.Duplicates, "lines"),
        };
        figures.AddRange(rows.Select(r => new Figure($"rows {r.Key}", r.Value, "rows")));
        AddAgreement(figures, "ats keys", Agreement.Of(ats, pipeline.Ats, EmptyPosition));
        var deduplicated = Agreement.Of(atsDeduplicated, pipeline.Ats, EmptyPosition);
        AddAgreement(figures, "ats keys deduplicated", deduplicated);
        var touched = await RejectedLines.PositionsTouchedAsync(store, pipeline.RejectedIds, ct);
        figures.Add(new Figure("ats keys deduplicated disagreeing reached by rejected lines", deduplicated.Disagreeing.Count(touched.Contains), "keys"));
        AddAgreement(figures, "ats keys sums only", Agreement.Of(atsSumsOnly, pipeline.Ats, EmptyPosition));
        AddAgreement(figures, "carrier delays", Agreement.Of(Only(open, IsCarrierDelay), Only(pipeline.OpenExceptions, IsCarrierDelay)));
        AddAgreement(figures, "order holds", Agreement.Of(Only(open, c => !IsCarrierDelay(c)), Only(pipeline.OpenExceptions, c => !IsCarrierDelay(c))));

        return new Measurement(Name, lines.Count, insertSeconds + atsSeconds + exceptionSeconds, peak)
        {
            Figures = figures,
            Note = "Raw lines inserted into chDB (LineAsString, 20k-line batches, every line lands); " +
                   "materialized views parse them and keep stock and exception ledgers; seconds = inserts + the ATS and exception queries. " +
                   "Agreement is key by key against the processors on the lines the gate accepts, each id once.",
        };
    }

    private static bool IsCarrierDelay(string category) => category == ExceptionCategories.CarrierDelay;

    private static HashSet<string> Only(IReadOnlySet<string> open, Func<string, bool> category) =>
        open.Where(id => category(id[..id.IndexOf(':', StringComparison.Ordinal)])).ToHashSet(StringComparer.Ordinal);

    private static void AddAgreement(List<Figure> figures, string kpi, Agreement agreement)
    {
        figures.Add(new Figure($"{kpi} agreeing", agreement.Agreeing, "keys"));
        figures.Add(new Figure($"{kpi} total", agreement.Total, "keys"));
        figures.Add(new Figure($"{kpi} only in views", agreement.OnlyInViews, "keys"));
        figures.Add(new Figure($"{kpi} only in pipeline", agreement.OnlyInPipeline, "keys"));
    }
}
