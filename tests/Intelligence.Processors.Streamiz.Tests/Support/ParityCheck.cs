using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Intelligence.Contracts;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Streamiz;

namespace Intelligence.Processors.Streamiz.Tests.Support;

/// <summary>
/// Runs the same events through the embedded <see cref="FoldEngine"/> and through the Streamiz topology,
/// and lists every difference in what they produced: the last row per (table, row key) of latest-state
/// tables, the sums of <see cref="KpiCount"/> per (metric, entity, minute), the last <see cref="KpiLevel"/>
/// per minute, the other rows as a multiset, the fold failures, and every key's final state.
/// Stream time is moved on the Kafka side after each event that moves it (a marker on the messages
/// topic), which is where the engine fires its timers; see docs/processors/kafka-runtime.md.
/// </summary>
public static class ParityCheck
{
    private const int MaxListed = 25;

    public static ParityReport Run(Topology topology, IReadOnlyList<RetailEvent> events)
    {
        var engine = new FoldEngine(topology);
        var sink = new CollectingSink();
        var clock = Stopwatch.StartNew();
        foreach (var e in events)
        {
            engine.Process(e, sink);
        }

        var engineTime = clock.Elapsed;

        using var kafka = new TestDriverRun(topology);
        clock.Restart();
        kafka.FeedAll(events);

        var kafkaTime = clock.Elapsed;
        var differences = Differences(topology, engine, sink, kafka.Rows, kafka.Store);
        return new ParityReport(differences.Take(MaxListed * 4).ToList(), events.Count, sink.Rows.Count, kafka.Rows.Count,
            topology.Folds.Sum(f => engine.Store(f.Name).Count), sink.Failures.Count, engineTime, kafkaTime);
    }

    /// <summary>
    /// Runs the events through the engine and compares what it produced with rows and stores that another
    /// run of the same topology left (the whole Streamiz application on its in-memory cluster, say).
    /// </summary>
    public static IReadOnlyList<string> Compare(Topology topology, IReadOnlyList<RetailEvent> events,
        IReadOnlyList<(string Key, string Table, string Json)> kafkaRows, Func<string, IReadOnlyDictionary<string, string>> kafkaStore)
    {
        var engine = new FoldEngine(topology);
        var sink = new CollectingSink();
        foreach (var e in events)
        {
            engine.Process(e, sink);
        }

        return Differences(topology, engine, sink, kafkaRows, kafkaStore).Take(MaxListed * 4).ToList();
    }

    private static List<string> Differences(Topology topology, FoldEngine engine, CollectingSink sink,
        IReadOnlyList<(string Key, string Table, string Json)> kafkaRows, Func<string, IReadOnlyDictionary<string, string>> kafkaStore)
    {
        var differences = new List<string>();
        CompareRows(sink.Rows, kafkaRows.Where(r => r.Table != ProcessingFailureRow.TableName).ToList(), differences);
        CompareFailures(sink.Failures, kafkaRows.Where(r => r.Table == ProcessingFailureRow.TableName).ToList(), differences);
        foreach (var fold in topology.Folds)
        {
            var expected = engine.Store(fold.Name).ToDictionary(kv => kv.Key, kv => StoredJson(kv.Value, fold.StateType), StringComparer.Ordinal);
            Compare($"store {fold.Name}", expected, kafkaStore(fold.Name), differences);
        }

        return differences;
    }

    private static void CompareRows(List<OutputRow> engineRows, List<(string Key, string Table, string Json)> kafkaRows, List<string> differences)
    {
        var engineTables = engineRows.GroupBy(r => r.Table).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var kafkaTables = kafkaRows.GroupBy(r => r.Table).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var table in kafkaTables.Keys.Except(engineTables.Keys))
        {
            differences.Add($"table {table}: {kafkaTables[table].Count} rows on Kafka, none from the engine");
        }

        foreach (var (table, rows) in engineTables)
        {
            var kafka = kafkaTables.GetValueOrDefault(table) ?? [];
            if (kafka.Any(r => RowRecords.TableOf(r.Key) != table))
            {
                differences.Add($"table {table}: a record's key does not start with its table");
            }

            if (rows.All(r => r is StateRow))
            {
                Compare($"table {table}",
                    LastBy(rows.Cast<StateRow>().Select(r => (r.RowKey, Json(r)))),
                    LastBy(kafka.Select(r => (r.Key[(table.Length + 1)..], r.Json))), differences);
            }
            else if (table == KpiCount.TableName)
            {
                Compare(table, Sums(rows.Select(Json)), Sums(kafka.Select(r => r.Json)), differences);
            }
            else if (table == KpiLevel.TableName)
            {
                Compare(table, LastBy(rows.Select(Json).Select(j => (Minute(j), j))), LastBy(kafka.Select(r => (Minute(r.Json), r.Json))), differences);
            }
            else
            {
                Compare($"table {table}", Counted(rows.Select(Json)), Counted(kafka.Select(r => r.Json)), differences);
            }
        }
    }

    private static void CompareFailures(List<(Message Message, string Fold, Exception Error)> failures,
        List<(string Key, string Table, string Json)> failureRows, List<string> differences)
    {
        var expected = Counted(failures.Select(f => $"{f.Message.Key} {f.Message.EventId} {f.Fold} {f.Error.GetType().Name}: {f.Error.Message}"));
        var actual = Counted(failureRows
            .Select(d => JsonDocument.Parse(d.Json).RootElement)
            .Select(r => $"{r.GetProperty("key").GetString()} {r.GetProperty("event_id").GetString()} {r.GetProperty("fold").GetString()} "
                + $"{r.GetProperty("error").GetString()}: {r.GetProperty("detail").GetString()}"));
        Compare("fold failures", expected, actual, differences);
    }

    private static void Compare(string what, IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual, List<string> differences)
    {
        var listed = 0;
        foreach (var (key, json) in expected)
        {
            if (listed >= MaxListed)
            {
                break;
            }

            if (!actual.TryGetValue(key, out var other))
            {
                differences.Add($"{what} [{key}]: engine {json}, Kafka has none");
                listed++;
            }
            else if (!JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(other)))
            {
                differences.Add($"{what} [{key}]: engine {json}, Kafka {other}");
                listed++;
            }
        }

        foreach (var key in actual.Keys.Except(expected.Keys).Take(MaxListed - listed))
        {
            differences.Add($"{what} [{key}]: Kafka {actual[key]}, engine has none");
        }
    }

    private static string Json(OutputRow row) => System.Text.Encoding.UTF8.GetString(RowRecords.ValueOf(row));

    private static string StoredJson(FoldState state, Type type) => System.Text.Encoding.UTF8.GetString(StateJson.Write(state, type));

    private static Dictionary<string, string> LastBy(IEnumerable<(string Key, string Json)> rows)
    {
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, json) in rows)
        {
            last[key] = json;
        }

        return last;
    }

    private static string Minute(string json)
    {
        var row = JsonNode.Parse(json)!;
        return $"{row["metric"]}|{row["entity"]}|{row["minute"]}";
    }

    private static Dictionary<string, string> Sums(IEnumerable<string> rows) => rows
        .Select(json => JsonNode.Parse(json)!)
        .GroupBy(r => $"{r["metric"]}|{r["entity"]}|{r["minute"]}", StringComparer.Ordinal)
        .ToDictionary(g => g.Key,
            g => $"{{\"value\":{Math.Round(g.Sum(r => r["value"]!.GetValue<double>()), 9)},\"samples\":{g.Sum(r => r["samples"]!.GetValue<long>())}}}",
            StringComparer.Ordinal);

    private static Dictionary<string, string> Counted(IEnumerable<string> rows) => rows
        .GroupBy(r => r, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private sealed class CollectingSink : IOutputSink
    {
        public List<OutputRow> Rows { get; } = [];

        public List<(Message Message, string Fold, Exception Error)> Failures { get; } = [];

        public void Row(OutputRow row) => Rows.Add(row);

        public void Failed(in Message message, string fold, Exception error) => Failures.Add((message, fold, error));
    }
}

/// <summary>What a parity run found: its differences (empty when the runtimes agree) and how much it compared.</summary>
public sealed record ParityReport(
    IReadOnlyList<string> Differences, int Events, int EngineRows, int KafkaRows, int StateKeys, int Failures,
    TimeSpan EngineTime, TimeSpan KafkaTime)
{
    public double EngineEventsPerSecond => Events / EngineTime.TotalSeconds;

    public double KafkaEventsPerSecond => Events / KafkaTime.TotalSeconds;

    public override string ToString() =>
        $"{Events} events, {EngineRows} engine rows vs {KafkaRows} Kafka rows, {StateKeys} keys, {Failures} failures; " +
        $"engine {EngineEventsPerSecond:N0} events/s, Streamiz driver {KafkaEventsPerSecond:N0} events/s; " +
        (Differences.Count == 0 ? "no differences" : $"differences:\n  {string.Join("\n  ", Differences)}");
}
