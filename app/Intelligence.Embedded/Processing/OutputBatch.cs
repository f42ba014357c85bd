using System.Runtime.InteropServices;
using Intelligence.Processors.Flow;

namespace Intelligence.Embedded.Processing;

/// <summary>
/// Collects what the folds produce for one batch of input, by table, and makes it smaller before
/// it is written, without changing what the tables show after merges: only the last revision of
/// each latest-state row is kept (as a Kafka Streams cache would), KPI counts of the same
/// metric, entity and minute are added up, and of the KPI levels of the same metric, entity and
/// minute only the one a merge would keep (the latest observed, the last of equals) is written.
/// </summary>
public sealed class OutputBatch
{
    private readonly Dictionary<string, List<OutputRow>> _appended = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Table, string Key), StateRow> _latest = [];
    private readonly Dictionary<(string Metric, string Entity, DateTimeOffset Minute), (double Value, long Samples)> _counts = [];
    private readonly Dictionary<(string Metric, string Entity, DateTimeOffset Minute), (double Value, DateTimeOffset ObservedAt)> _levels = [];

    // The lists ByTable hands out, kept from batch to batch so that they are not grown again each time.
    private readonly Dictionary<string, List<OutputRow>> _written = new(StringComparer.Ordinal);

    public int Rows => _appended.Values.Sum(r => r.Count) + _latest.Count + _counts.Count + _levels.Count;

    public void Add(OutputRow row)
    {
        switch (row)
        {
            case StateRow state:
                _latest[(state.Table, state.RowKey)] = state;
                break;
            case KpiCount count:
                Add(count.Metric, count.Entity, count.Minute, count.Value, count.Samples);
                break;
            case KpiLevel level:
                AddLevel(level.Metric, level.Entity, level.Minute, level.Value, level.ObservedAt);
                break;
            default:
                if (!_appended.TryGetValue(row.Table, out var rows))
                {
                    _appended[row.Table] = rows = [];
                }

                rows.Add(row);
                break;
        }
    }

    /// <summary>Adds to the <see cref="KpiCount"/> of this metric, entity and minute, with no row made for it.</summary>
    public void Add(string metric, string entity, DateTimeOffset minute, double value, long samples = 1)
    {
        ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, (metric, entity, minute), out _);
        sum = (sum.Value + value, sum.Samples + samples);
    }

    /// <summary>
    /// Keeps the <see cref="KpiLevel"/> of this metric, entity and minute that a merge would keep (kpi_level_minute
    /// is a ReplacingMergeTree versioned by the observation time: the latest observed, the last of equals), with no row made for it.
    /// </summary>
    public void AddLevel(string metric, string entity, DateTimeOffset minute, double value, DateTimeOffset observedAt)
    {
        ref var kept = ref CollectionsMarshal.GetValueRefOrAddDefault(_levels, (metric, entity, minute), out var seen);
        if (!seen || observedAt >= kept.ObservedAt)
        {
            kept = (value, observedAt);
        }
    }

    /// <summary>The rows to write, by table, in a stable order; the lists are this batch's until <see cref="Clear"/>.</summary>
    public IEnumerable<(string Table, IReadOnlyList<OutputRow> Rows)> ByTable()
    {
        var tables = new SortedDictionary<string, List<OutputRow>>(StringComparer.Ordinal);
        foreach (var (table, rows) in _appended)
        {
            if (rows.Count > 0)
            {
                tables[table] = rows;
            }
        }

        foreach (var ((table, _), row) in _latest)
        {
            RowsOf(tables, table).Add(row);
        }

        foreach (var ((metric, entity, minute), (value, samples)) in _counts)
        {
            RowsOf(tables, KpiCount.TableName).Add(new KpiCount(metric, entity, minute, value) { Samples = samples });
        }

        foreach (var ((metric, entity, minute), (value, observedAt)) in _levels)
        {
            RowsOf(tables, KpiLevel.TableName).Add(new KpiLevel(metric, entity, minute, value, observedAt));
        }

        return tables.Select(t => (t.Key, (IReadOnlyList<OutputRow>)t.Value));
    }

    public void Clear()
    {
        foreach (var rows in _appended.Values)
        {
            rows.Clear();
        }

        foreach (var rows in _written.Values)
        {
            rows.Clear();
        }

        _latest.Clear();
        _counts.Clear();
        _levels.Clear();
    }

    private List<OutputRow> RowsOf(SortedDictionary<string, List<OutputRow>> tables, string table)
    {
        if (!tables.TryGetValue(table, out var rows))
        {
            if (!_written.TryGetValue(table, out rows))
            {
                _written[table] = rows = [];
            }

            rows.Clear();
            tables[table] = rows;
        }

        return rows;
    }
}
