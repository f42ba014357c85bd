using System.Globalization;
using System.Runtime.CompilerServices;
using System.Buffers;
using Intelligence.Analytics;
using Intelligence.Analytics.Migrations;
using Intelligence.Analytics.RowBinary;
using Intelligence.Contracts;
using Intelligence.Embedded;
using Intelligence.Embedded.Processing;
using Intelligence.EventLog;
using Intelligence.Ingest;
using Intelligence.Processors;
using Intelligence.Processors.Flow;

namespace Intelligence.Pipeline.Tests;

/// <summary>
/// The embedded sink writes RowBinary; the Kafka sink and everything else JSONEachRow. The tables must
/// not be able to tell: the same rows, both ways, give the same table contents, for every processor
/// table a busy simulation writes to and for <c>raw_events</c>.
/// </summary>
public sealed class RowBinaryTableTests
{
    [Fact]
    public async Task Every_table_holds_the_same_values_whether_its_rows_came_as_RowBinary_or_as_JSON()
    {
        var store = SharedStore.Instance;
        var (json, binary) = (SharedStore.NewDatabase(), SharedStore.NewDatabase());
        await Migrator.ApplyAsync(store, json);
        await Migrator.ApplyAsync(store, binary);
        var columns = await TableColumns.LoadAsync(store, binary);
        var events = BusySimulation.Accepted(seed: 11, events: 6_000);
        var rows = new BatchSink();
        var engine = new FoldEngine(RetailTopology.Build(new ProcessorOptions()));
        foreach (var e in events)
        {
            engine.Process(e, rows);
        }

        var tables = new List<string>();
        var encoder = new RowBatchBinary(columns);
        foreach (var (table, tableRows) in rows.Batch.ByTable())
        {
            var buffer = new ArrayBufferWriter<byte>();
            RowBatchJson.Write(tableRows, buffer);
            await store.InsertAsync($"{json}.{table}", buffer.WrittenMemory);
            buffer.ResetWrittenCount();
            encoder.Write(table, tableRows, buffer);
            await store.InsertAsync($"{binary}.{table}", InsertBody.RowBinary(buffer.WrittenMemory));
            tables.Add(table);
        }

        var records = events.Select((e, i) => new LogRecord<AcceptedEvent>(e.Key, new AcceptedEvent(e, e.OccurredAt.AddSeconds(2), "test"), new LogPosition(i % 3, i))).ToList();
        await store.InsertAsync($"{json}.{RawEventRows.Table}", TableRows.Json<AcceptedEvent>(RawEventRows.Write)(records, new ArrayBufferWriter<byte>()));
        await store.InsertAsync($"{binary}.{RawEventRows.Table}", RawEventRows.Binary(columns)(records, new ArrayBufferWriter<byte>()));
        tables.Add(RawEventRows.Table);

        Assert.True(tables.Count >= 18, $"only {tables.Count} tables written: {string.Join(", ", tables)}");
        foreach (var table in tables)
        {
            var (rowsJson, rowsBinary, differing) = await CompareAsync(json, binary, table);
            Assert.True(rowsJson > 0, $"{table} has no rows");
            Assert.True((rowsJson, differing) == (rowsBinary, 0),
                $"{table}: {rowsJson} rows from JSON, {rowsBinary} from RowBinary, {differing} not in both");
        }
    }

    [Fact]
    public async Task Every_row_type_the_processors_can_write_has_a_RowBinary_writer_its_table_accepts()
    {
        var store = SharedStore.Instance;
        var database = SharedStore.NewDatabase();
        await Migrator.ApplyAsync(store, database);
        var encoder = new RowBatchBinary(await TableColumns.LoadAsync(store, database));
        var rowTypes = typeof(OutputRow).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(OutputRow).IsAssignableFrom(t)).ToList();

        foreach (var type in rowTypes)
        {
            // A row with every property at its default: nulls, zeros, empty lists; the writer must take it all.
            var row = (OutputRow)RuntimeHelpers.GetUninitializedObject(type);
            var buffer = new ArrayBufferWriter<byte>();
            encoder.Write(row.Table, [row], buffer);
            var written = await store.InsertAsync($"{database}.{row.Table}", InsertBody.RowBinary(buffer.WrittenMemory));
            Assert.True(written.RowsWritten >= 1, $"{type.Name}: its row did not reach {row.Table}");
        }

        Assert.Contains(rowTypes, t => t == typeof(ProcessingFailureRow));
        Assert.True(rowTypes.Count >= 20, $"only {rowTypes.Count} row types found");
    }

    private static async Task<(long Json, long Binary, long Differing)> CompareAsync(string json, string binary, string table)
    {
        var columns = await PipelineRig.QueryAsync(
            $"SELECT arrayStringConcat(groupArray(name), ', ') FROM (SELECT name FROM system.columns WHERE database = '{json}' AND table = '{table}' ORDER BY position)");
        var list = columns.Trim();
        var figures = (await PipelineRig.QueryAsync(
            $"SELECT (SELECT count() FROM {json}.{table}), (SELECT count() FROM {binary}.{table}), " +
            $"(SELECT count() FROM (SELECT {list} FROM {json}.{table} EXCEPT ALL SELECT {list} FROM {binary}.{table})) + " +
            $"(SELECT count() FROM (SELECT {list} FROM {binary}.{table} EXCEPT ALL SELECT {list} FROM {json}.{table}))"))
            .Trim().Split('\t').Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (figures[0], figures[1], figures[2]);
    }
}
