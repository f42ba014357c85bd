using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Intelligence.Analytics;
using Intelligence.Sink.Batching;
using Intelligence.Sink.Consuming;

namespace Intelligence.Sink.Recovery;

/// <summary>
/// The sink's own record of its batches in the store (<c>sink_batches</c>, migration 0009): each
/// batch is written "planned" before its tables and "stored" after them, one row per partition
/// range, so that whoever is next given a partition can find the batches that continued from its
/// committed offset and learn whether they still need storing.
/// </summary>
internal sealed class SinkProgress(IAnalyticsStore store, string database, StoreWriter writer, TimeProvider clock)
{
    public const string Table = "sink_batches";

    // Each lookup names its partitions in the statement (as parameters); a bounded number per query keeps it short.
    private const int PartitionsPerLookup = 100;

    private readonly string _table = $"{database}.{Table}";

    public Task PlannedAsync(BatchPlan plan, CancellationToken cancellationToken) => WriteAsync(plan, "planned", cancellationToken);

    public Task StoredAsync(BatchPlan plan, CancellationToken cancellationToken) => WriteAsync(plan, "stored", cancellationToken);

    /// <summary>The batches of <paramref name="groupId"/> that continued from one of the given committed offsets, oldest first.</summary>
    public async Task<IReadOnlyList<RecordedBatch>> StartingAtAsync(string groupId, IReadOnlyList<PartitionOffset> committed,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, RecordedBatch>(StringComparer.Ordinal);
        foreach (var chunk in committed.Chunk(PartitionsPerLookup))
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["group"] = groupId };
            var conditions = new List<string>();
            for (var i = 0; i < chunk.Length; i++)
            {
                conditions.Add($"(topic = {{t{i}:String}} AND kafka_partition = {{p{i}:UInt32}} AND start_offset = {{s{i}:Int64}})");
                parameters[$"t{i}"] = chunk[i].Partition.Topic;
                parameters[$"p{i}"] = chunk[i].Partition.Partition.ToString(CultureInfo.InvariantCulture);
                parameters[$"s{i}"] = chunk[i].Offset.ToString(CultureInfo.InvariantCulture);
            }

            var sql = $$"""
                SELECT batch_id, any(segments), max(state = 'stored'), toUnixTimestamp64Milli(min(at))
                FROM {{_table}}
                WHERE group_id = {group:String} AND ({{string.Join(" OR ", conditions)}})
                GROUP BY batch_id
                """;
            var result = await writer.Retry.RunAsync($"the batches recorded in {_table}",
                ct => store.QueryAsync(sql, "TabSeparated", parameters, ct), cancellationToken).ConfigureAwait(false);
            foreach (var line in result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var f = line.Split('\t');
                found[f[0]] = new RecordedBatch(BatchPlan.Decode(groupId, f[1]), f[2] == "1",
                    DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f[3], CultureInfo.InvariantCulture)));
            }
        }

        return found.Values.OrderBy(b => b.PlannedAt).ThenBy(b => b.Plan.Id, StringComparer.Ordinal).ToList();
    }

    private Task WriteAsync(BatchPlan plan, string state, CancellationToken cancellationToken)
    {
        var rows = new ArrayBufferWriter<byte>(256 * plan.Ranges.Count);
        var segments = plan.Encode();
        var at = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
        using (var json = new Utf8JsonWriter(rows))
        {
            foreach (var range in plan.Ranges)
            {
                json.WriteStartObject();
                json.WriteString("group_id", plan.GroupId);
                json.WriteString("topic", range.Partition.Topic);
                json.WriteNumber("kafka_partition", range.Partition.Partition);
                json.WriteNumber("start_offset", range.Start);
                json.WriteString("batch_id", plan.Id);
                json.WriteString("state", state);
                json.WriteString("segments", segments);
                json.WriteNumber("records", range.Records);
                json.WriteString("at", at);
                json.WriteEndObject();
                json.Flush();
                rows.Write("\n"u8);
                json.Reset(rows);
            }
        }

        // Its own token: a retried or replayed mark lands once, like the rows it speaks for.
        return writer.InsertAsync(_table, rows.WrittenMemory, InsertToken.For(_table, $"{state}|{plan.Identity}"), plan.Ranges.Count,
            cancellationToken);
    }
}

/// <summary>A batch found in <c>sink_batches</c>: its plan, whether every table has it, and when it was first planned.</summary>
internal sealed record RecordedBatch(BatchPlan Plan, bool Stored, DateTimeOffset PlannedAt);
