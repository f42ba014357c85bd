using System.Buffers;
using System.Diagnostics;
using Intelligence.Analytics;
using Intelligence.Analytics.Chdb;
using Intelligence.Analytics.RowBinary;
using Intelligence.Embedded;
using Intelligence.Analytics.Migrations;
using Intelligence.Contracts;
using Intelligence.EventLog;
using Intelligence.Ingest;

namespace Intelligence.Bench.Approaches;

/// <summary>
/// The bound: the same bytes read line by line, each deserialized by the contracts' reader, folded into
/// a dictionary (events per partition key) and written as its <c>raw_events</c> row, inserted into
/// chDB in batches of the embedded sink's size, in the form the embedded sink writes them (RowBinary). No log, no processors, no duplicate filter, one thread:
/// what reading and storing the events costs with nothing else to do.
/// </summary>
public static class BoundApproach
{
    public const string Name = "bound";

    private const int BatchRows = 50_000;

    public static async Task<Measurement> RunAsync(string workload, string scratch, CancellationToken cancellationToken)
    {
        using var arrivals = Workload.Arrivals(workload);
        await using var store = ChdbStore.Open(Scratch.Fresh(scratch, "chdb"));
        const string database = "intelligence";
        await Migrator.ApplyAsync(store, database, cancellationToken);
        var table = $"{database}.{RawEventRow.Table}";

        var clock = Stopwatch.StartNew();
        var reader = new EventReader(new EventReaderOptions(), TimeProvider.System);
        var perKey = new Dictionary<string, long>(StringComparer.Ordinal);
        var rows = new ArrayBufferWriter<byte>(1 << 24);
        var plan = RawEventRows.Plan(await TableColumns.LoadAsync(store, database, cancellationToken));
        long inputs = 0, stored = 0, batch = 0, offset = 0;
        foreach (var line in JsonLines.Read(workload))
        {
            inputs++;
            var arrival = arrivals.Next();
            if (reader.Read(line.Span, arrival).Accepted is not { } e)
            {
                continue;
            }

            perKey[e.Key] = perKey.GetValueOrDefault(e.Key) + 1;
            if (batch == 0)
            {
                plan.WriteHeader(rows);
            }

            plan.Write(RawEventRow.Columns(new AcceptedEvent(e, arrival, "bound"), new LogPosition(0, offset++)), rows);
            if (++batch == BatchRows)
            {
                stored += await InsertAsync(store, table, rows, batch, cancellationToken);
                batch = 0;
            }
        }

        stored += await InsertAsync(store, table, rows, batch, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        return new Measurement(Name, inputs, seconds, PeakMemory.Bytes())
        {
            Figures = [new("raw event rows stored", stored, "rows"), new("keys", perKey.Count, "keys")],
            Note = "read, deserialize, fold into a dictionary, raw-event rows into chDB; one thread, no other work",
        };
    }

    private static async Task<long> InsertAsync(ChdbStore store, string table, ArrayBufferWriter<byte> rows, long count,
        CancellationToken cancellationToken)
    {
        if (count > 0)
        {
            await store.InsertAsync(table, InsertBody.RowBinary(rows.WrittenMemory), ct: cancellationToken);
        }

        rows.ResetWrittenCount();
        return count;
    }
}
