using System.Text.Json;
using Intelligence.Contracts;
using Intelligence.EventLog;
using Intelligence.Ingest;
using Intelligence.Kafka;
using Intelligence.Sink.Consuming;

namespace Intelligence.Sink.Rows;

/// <summary>
/// An events-topic record as a row of <c>raw_events</c> (the columns the embedded sink writes, at
/// the record's partition and offset), or of <c>dead_letters</c> with the reader's reason when
/// the envelope cannot be read. Received-at is the record's timestamp (when ingest took it).
/// </summary>
internal sealed class EventRows
{
    // Ingest judged event time against its clock when it accepted the event; storing the topic must
    // not refuse old events, so the window only guards against arithmetic past the calendar.
    private static readonly EventReaderOptions ReaderOptions = new()
    {
        MaxFutureSkew = TimeSpan.FromDays(36_500),
        MaxEventAge = TimeSpan.FromDays(36_500),
    };

    private readonly EventReader _reader = new(ReaderOptions, TimeProvider.System);

    public RowTarget Write(Utf8JsonWriter row, SinkRecord record)
    {
        var inputSource = record.Header(RecordHeaders.InputSource) ?? SinkDeadLetters.SourceOf(record);

        // Read against the record's own time, never the wall clock, so a replay writes the same row.
        var outcome = _reader.Read(record.Value.Span, record.Timestamp);
        if (outcome.Accepted is not { } e)
        {
            var rejection = outcome.Rejection!;
            return SinkDeadLetters.Write(row, record, outcome.Source ?? inputSource, rejection.Code, rejection.Detail,
                outcome.EventId, outcome.TypeName);
        }

        RawEventRow.Write(row, new AcceptedEvent(e, record.Timestamp, inputSource),
            new LogPosition(record.Partition.Partition, record.Offset));
        return new RowTarget(RawEventRow.Table);
    }
}
