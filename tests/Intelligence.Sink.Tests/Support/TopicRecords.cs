using System.Globalization;
using System.Text;
using Intelligence.Contracts;
using Intelligence.Contracts.Validation;
using Intelligence.EventLog;
using Intelligence.Ingest;
using Intelligence.Sink.Consuming;
using Intelligence.Testing;

namespace Intelligence.Sink.Tests.Support;

/// <summary>Records as the distributed roles write them: ingest's events and dead letters, the processors' rows.</summary>
public static class TopicRecords
{
    public const string Events = "retail-events";
    public const string Outputs = "retail-outputs";
    public const string DeadLetters = "retail-dead-letters";

    public static readonly DateTimeOffset Start = SamplePayloads.Now;

    public static FakeKafkaLog NewLog(int partitions = 3, int? markerEvery = null) =>
        new((Events, partitions), (Outputs, partitions), (DeadLetters, 1)) { MarkerEvery = markerEvery };

    /// <summary>An accepted event (a stock receipt) as ingest writes it: envelope JSON, timestamp = received, header input-source.</summary>
    public static SinkRecord Event(this FakeKafkaLog log, int partition, string id, DateTimeOffset? occurredAt = null)
    {
        var at = occurredAt ?? Start;
        var envelope = EventBuilder.Of(EventTypes.StockReceived).WithId(id).At(at).WithKey($"sku-{id}").Build();
        return log.Append(Events, partition, envelope, at.AddSeconds(1), ("input-source", "simulator"));
    }

    public static SinkRecord RawEvent(this FakeKafkaLog log, int partition, byte[] value) =>
        log.Append(Events, partition, value, Start, ("input-source", "http:webstore"));

    /// <summary>A KPI count row (kpi_minute, a SummingMergeTree) as the processors write it.</summary>
    public static SinkRecord Kpi(this FakeKafkaLog log, int partition, string entity, int minute, double value) =>
        log.Output(partition, "kpi_minute", string.Create(CultureInfo.InvariantCulture,
            $$"""{"metric":"orders_placed","entity":"{{entity}}","minute":"{{Start.AddMinutes(minute):yyyy-MM-dd HH:mm:ss}}","value":{{value}},"samples":1}"""));

    /// <summary>An append-only history row (exception_events, a MergeTree).</summary>
    public static SinkRecord ExceptionEvent(this FakeKafkaLog log, int partition, string exceptionId, int occurrence) =>
        log.Output(partition, "exception_events", string.Create(CultureInfo.InvariantCulture,
            $$"""{"exception_id":"{{exceptionId}}","category":"oversell","at":"{{Start:yyyy-MM-dd HH:mm:ss.fff}}","change":"opened","severity":"high","team":"inventory","occurrence":{{occurrence}},"escalation_level":0}"""));

    public static SinkRecord Output(this FakeKafkaLog log, int partition, string table, string json) =>
        log.Append(Outputs, partition, Encoding.UTF8.GetBytes(json), Start, ("table", table));

    /// <summary>A refused input as ingest writes it to Kafka: a dead_letters row with no place yet (-1).</summary>
    public static SinkRecord IngestDeadLetter(this FakeKafkaLog log, string raw, string reasonDetail)
    {
        var letter = DeadLetter.From(Encoding.UTF8.GetBytes(raw), Start, "http:webstore",
            new Rejection(RejectReason.MalformedJson, reasonDetail), null, null);
        return log.Append(DeadLetters, 0, DeadLetterRow.ToBytes(letter, DeadLetterRow.Unplaced), Start);
    }

    /// <summary>A dead letter the processors wrote, already placed at the events record it came from.</summary>
    public static SinkRecord PlacedDeadLetter(this FakeKafkaLog log, string raw, int partition, long offset)
    {
        var letter = DeadLetter.From(Encoding.UTF8.GetBytes(raw), Start, "simulator",
            new Rejection(RejectReason.UnknownType, "event type 'x' is not one the pipeline knows"), "evt-x", "x");
        return log.Append(DeadLetters, 0, DeadLetterRow.ToBytes(letter, new LogPosition(partition, offset)), Start);
    }
}
