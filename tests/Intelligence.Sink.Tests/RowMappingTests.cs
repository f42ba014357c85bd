using Intelligence.Sink.Tests.Support;

namespace Intelligence.Sink.Tests;

/// <summary>Each topic's records land in their tables with the columns the embedded runtime writes.</summary>
public sealed class RowMappingTests
{
    [Fact]
    public async Task Events_outputs_and_dead_letters_land_in_their_tables_with_their_columns()
    {
        var db = SharedStore.NewDatabase();
        var log = TopicRecords.NewLog(partitions: 2);
        var e0 = log.Event(0, "evt-a");
        var e1 = log.Event(1, "evt-b", TopicRecords.Start.AddYears(-3));
        log.Kpi(0, "channel:web", minute: 0, value: 2.5);
        log.ExceptionEvent(1, "exc-1", occurrence: 1);
        log.PlacedDeadLetter("{\"type\":\"x\"}", partition: 4, offset: 77);

        using var worker = SinkRun.Worker(new FakeConsumer(log, SinkRun.Group), SinkRun.Options(db));
        Assert.Null(await SinkRun.DrainAsync(worker, log));

        var events = await SinkRun.LinesAsync(
            $"SELECT event_id, family, type, source, occurred_at, received_at, schema_version, partition_key, log_partition, log_offset, " +
            $"length(payload) > 2 FROM {db}.raw_events ORDER BY event_id");
        Assert.Equal(
            [
                $"evt-a\twarehouse\tstock.received\ttest\t2026-11-02 12:00:00.000\t2026-11-02 12:00:01.000\t1\tsku-evt-a\t0\t{e0.Offset}\t1",
                $"evt-b\twarehouse\tstock.received\ttest\t2023-11-02 12:00:00.000\t2023-11-02 12:00:01.000\t1\tsku-evt-b\t1\t{e1.Offset}\t1",
            ],
            events);
        Assert.Equal(["orders_placed\tchannel:web\t2026-11-02 12:00:00\t2.5\t1"],
            await SinkRun.LinesAsync($"SELECT metric, entity, minute, value, samples FROM {db}.kpi_minute"));
        Assert.Equal(["exc-1\toversell\topened\t1"],
            await SinkRun.LinesAsync($"SELECT exception_id, category, change, occurrence FROM {db}.exception_events"));
        Assert.Equal(["simulator\tunknown_type\tevt-x\tx\t{\"type\":\"x\"}\tutf8\t12\t4\t77"],
            await SinkRun.LinesAsync($"SELECT source, reason, event_id, event_type, raw, raw_encoding, raw_bytes, log_partition, log_offset FROM {db}.dead_letters"));
    }

    [Fact]
    public async Task An_envelope_the_reader_refuses_becomes_a_dead_letter_with_the_reader_s_reason_and_the_stream_goes_on()
    {
        var db = SharedStore.NewDatabase();
        var log = TopicRecords.NewLog(partitions: 1);
        var broken = log.RawEvent(0, "{\"id\":\"evt-1\",\"type\":"u8.ToArray());
        var unknown = log.RawEvent(0, """{"id":"evt-2","type":"teleport.done","source":"erp","occurredAt":"2026-01-01T00:00:00Z","schemaVersion":1,"key":"k","payload":{}}"""u8.ToArray());
        log.Event(0, "evt-3");

        using var worker = SinkRun.Worker(new FakeConsumer(log, SinkRun.Group), SinkRun.Options(db));
        Assert.Null(await SinkRun.DrainAsync(worker, log));

        Assert.Equal(
            [
                $"http:webstore\tmalformed_json\t\t{broken.Offset}",
                $"erp\tunknown_type\tevt-2\t{unknown.Offset}",
            ],
            await SinkRun.LinesAsync($"SELECT source, reason, event_id, log_offset FROM {db}.dead_letters ORDER BY log_offset"));
        Assert.Equal(1, await SinkRun.CountAsync(db, "raw_events"));
        Assert.Equal(2, worker.Metrics.Snapshot().DeadLettered);
    }

    [Fact]
    public async Task A_row_for_a_table_the_schema_does_not_have_becomes_an_unknown_table_dead_letter_and_no_sql_is_spliced()
    {
        var db = SharedStore.NewDatabase();
        var log = TopicRecords.NewLog(partitions: 1);
        var evil = log.Output(0, "kpi_minute; DROP TABLE raw_events", "{\"metric\":\"m\"}");
        var missing = log.Append(TopicRecords.Outputs, 0, "{\"a\":1}"u8.ToArray(), TopicRecords.Start);
        var sinkOwn = log.Output(0, "sink_batches", "{\"group_id\":\"x\"}");
        var notJson = log.Output(0, "kpi_minute", "{\"metric\":");
        log.Kpi(0, "channel:web", 0, 1);

        using var worker = SinkRun.Worker(new FakeConsumer(log, SinkRun.Group), SinkRun.Options(db));
        Assert.Null(await SinkRun.DrainAsync(worker, log));

        var letters = await SinkRun.LinesAsync($"SELECT reason, log_offset, source, detail FROM {db}.dead_letters ORDER BY log_offset");
        Assert.Equal(
            [
                $"unknown_table\t{evil.Offset}\tkafka:retail-outputs",
                $"unknown_table\t{missing.Offset}\tkafka:retail-outputs",
                $"unknown_table\t{sinkOwn.Offset}\tkafka:retail-outputs",
                $"malformed_row\t{notJson.Offset}\tkafka:retail-outputs",
            ],
            letters.Select(l => string.Join('\t', l.Split('\t')[..3])));
        Assert.Contains("no table header", letters[1], StringComparison.Ordinal);
        Assert.Equal(1, await SinkRun.CountAsync(db, "kpi_minute"));
        Assert.Equal(0, await SinkRun.CountAsync(db, "raw_events"));
    }

    [Fact]
    public async Task An_ingest_dead_letter_written_before_it_had_a_place_gets_its_place_in_the_dead_letter_topic()
    {
        var db = SharedStore.NewDatabase();
        var log = TopicRecords.NewLog(partitions: 1);
        log.IngestDeadLetter("not json", "not valid JSON at line 1, byte 1");
        var second = log.IngestDeadLetter("{\"id\":", "not valid JSON at line 1, byte 7");

        using var worker = SinkRun.Worker(new FakeConsumer(log, SinkRun.Group), SinkRun.Options(db));
        Assert.Null(await SinkRun.DrainAsync(worker, log));

        Assert.Equal(
            ["http:webstore\tmalformed_json\tnot json\t0\t0", $"http:webstore\tmalformed_json\t{{\"id\":\t0\t{second.Offset}"],
            await SinkRun.LinesAsync($"SELECT source, reason, raw, log_partition, log_offset FROM {db}.dead_letters ORDER BY log_offset"));
    }
}
