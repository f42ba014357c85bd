using System.Buffers;
using System.Diagnostics;
using Intelligence.Analytics;
using Intelligence.Analytics.Chdb;
using Intelligence.Analytics.RowBinary;
using Intelligence.Analytics.Migrations;
using Intelligence.Contracts;
using Intelligence.Embedded;
using Intelligence.Embedded.Processing;
using Intelligence.EventLog;
using Intelligence.Ingest;
using Intelligence.Processors;
using Intelligence.Processors.Flow;

namespace Intelligence.Bench.Approaches;

/// <summary>
/// Where the embedded pipeline's time goes: its stages run one after another on one thread, each
/// timed alone, over the workload held in memory (reading the file is not timed): validating the
/// inputs, folding the accepted events through every processor (in batches of the sink's size,
/// <c>Sink:MaxBatchRows</c>, each batch's rows made smaller as the processor stage does), encoding the
/// processors' rows and the raw-event rows as the embedded sink does (RowBinary), and inserting them
/// into chDB. The inserts' CPU is the whole process's while they run (chDB works on threads of its own,
/// and whatever else the process does meanwhile counts too: the collector, the JIT, chDB's merges).
/// </summary>
public static class StageProfile
{
    public const string Name = "stages";

    public static async Task<Measurement> RunAsync(string workload, string scratch, EmbeddedOptions options,
        CancellationToken cancellationToken)
    {
        var batchEvents = options.Sink.MaxBatchRows;
        var asOf = Workload.AsOf(workload);
        var lines = WorkloadEvents.Lines(workload);
        await using var store = ChdbStore.Open(Scratch.Fresh(scratch, "chdb"));
        const string database = "intelligence";
        await Migrator.ApplyAsync(store, database, cancellationToken);

        var validate = Stopwatch.StartNew();
        using var arrivals = Workload.Arrivals(workload);
        var events = WorkloadEvents.Accepted(lines, arrivals);
        validate.Stop();

        var fold = new Stopwatch();
        var rows = new Stopwatch();
        var raw = new Stopwatch();
        var rowInserts = new Stopwatch();
        var rowInsertsCpu = TimeSpan.Zero;
        var rawInserts = new Stopwatch();
        var rawInsertsCpu = TimeSpan.Zero;
        var batches = 0;
        var columns = await TableColumns.LoadAsync(store, database, cancellationToken);
        var processorRows = new RowBatchBinary(columns);
        var rawRows = RawEventRows.Binary(columns);
        var engine = new FoldEngine(RetailTopology.Build(options.Processors)) { DeferLatestRows = true };
        var sink = new BatchSink();
        var buffer = new ArrayBufferWriter<byte>(1 << 24);
        long rowsStored = 0, bytes = 0, foldAllocated = 0;
        for (var start = 0; start < events.Count; start += batchEvents)
        {
            var batch = events.GetRange(start, Math.Min(batchEvents, events.Count - start));
            batches++;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            fold.Start();
            foreach (var e in batch)
            {
                engine.Process(e, sink);
            }

            engine.WriteChanged(sink);
            fold.Stop();
            foldAllocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            foreach (var (table, tableRows) in sink.Batch.ByTable())
            {
                buffer.ResetWrittenCount();
                rows.Start();
                processorRows.Write(table, tableRows, buffer);
                rows.Stop();
                bytes += buffer.WrittenCount;
                rowsStored += tableRows.Count;
                rowInsertsCpu += await Timed(rowInserts, () => store.InsertAsync($"{database}.{table}", InsertBody.RowBinary(buffer.WrittenMemory), ct: cancellationToken));
            }

            sink.Batch.Clear();
            buffer.ResetWrittenCount();
            var records = batch.Select((e, i) => new LogRecord<AcceptedEvent>(e.Key, new AcceptedEvent(e, asOf, Name), new LogPosition(0, start + i))).ToList();
            raw.Start();
            var rawBody = rawRows(records, buffer);
            raw.Stop();
            bytes += buffer.WrittenCount;
            rawInsertsCpu += await Timed(rawInserts, () => store.InsertAsync($"{database}.{RawEventRow.Table}", rawBody, ct: cancellationToken));
        }

        var seconds = validate.Elapsed + fold.Elapsed + rows.Elapsed + raw.Elapsed + rowInserts.Elapsed + rawInserts.Elapsed;
        return new Measurement(Name, lines.Count, seconds.TotalSeconds, PeakMemory.Bytes())
        {
            Figures =
            [
                new("validate", validate.Elapsed.TotalSeconds, "s"),
                new("fold", fold.Elapsed.TotalSeconds, "s"),
                new("processor rows encoded", rows.Elapsed.TotalSeconds, "s"),
                new("raw-event rows encoded", raw.Elapsed.TotalSeconds, "s"),
                new("chDB inserts", (rowInserts.Elapsed + rawInserts.Elapsed).TotalSeconds, "s"),
                new("chDB inserts: processor rows", rowInserts.Elapsed.TotalSeconds, "s"),
                new("chDB inserts: processor rows, CPU of all threads", rowInsertsCpu.TotalSeconds, "s"),
                new("chDB inserts: raw events", rawInserts.Elapsed.TotalSeconds, "s"),
                new("chDB inserts: raw events, CPU of all threads", rawInsertsCpu.TotalSeconds, "s"),
                new("batches", batches, "batches"),
                new("events per batch, at most", batchEvents, "events"),
                new("fold: bytes allocated per event", events.Count > 0 ? (double)foldAllocated / events.Count : 0, "bytes"),
                new("events accepted", events.Count, "events"),
                new("processor rows", rowsStored, "rows"),
                new("rows before batching", sink.RowsProduced, "rows"),
                new("bytes inserted", bytes, "bytes"),
                new("fold failures", sink.Failures, "failures"),
            ],
            Note = "each stage alone on one thread; the seconds are their sum (the pipeline overlaps them on 2 cores)",
        };
    }

    /// <summary>Runs one insert on the stopwatch and returns the CPU the process spent meanwhile, on all its threads.</summary>
    private static async Task<TimeSpan> Timed(Stopwatch clock, Func<Task> insert)
    {
        var before = Environment.CpuUsage.TotalTime;
        clock.Start();
        await insert();
        clock.Stop();
        return Environment.CpuUsage.TotalTime - before;
    }

    private sealed class BatchSink : IOutputSink
    {
        public OutputBatch Batch { get; } = new();

        public long RowsProduced { get; private set; }

        public long Failures { get; private set; }

        public void Row(OutputRow row)
        {
            RowsProduced++;
            Batch.Add(row);
        }

        public void Count(string metric, string entity, DateTimeOffset minute, double value)
        {
            RowsProduced++;
            Batch.Add(metric, entity, minute, value);
        }

        public void Level(string metric, string entity, DateTimeOffset minute, double value, DateTimeOffset observedAt)
        {
            RowsProduced++;
            Batch.AddLevel(metric, entity, minute, value, observedAt);
        }

        public void Failed(in Message message, string fold, Exception error) => Failures++;
    }
}
