using System.Text;
using Confluent.Kafka;
using Intelligence.Processors.Alerts;
using Intelligence.Processors.Flow;
using Streamiz.Kafka.Net.Processors.Public;

namespace Intelligence.Processors.Streamiz;

/// <summary>
/// What a fold or router emits, turned into records for the sinks of its processor: signals go
/// to the messages topic under their new key (a Kafka repartition), rows to the outputs topic (alert
/// notices to the alerts topic as well), dead letters to the dead-letter topic. Each record carries the event time of the input that caused it.
/// </summary>
internal sealed class RecordOutputs(ProcessorContext<string, byte[]> context, Topology topology, string processor) : IOutputs
{
    private readonly string _toMessages = Sinks.Messages(processor);
    private readonly string _toOutputs = Sinks.Outputs(processor);
    private readonly string _toDeadLetters = Sinks.DeadLetters(processor);
    private readonly string _toAlerts = Sinks.Alerts(processor);

    /// <summary>The input being processed: what sent signals inherit (time, event id, source, stream time).</summary>
    public Message Cause { get; set; }

    /// <summary>Where the record being processed was read from, for dead letters.</summary>
    public DeadLetterRecords.Origin Origin { get; set; }

    public void Send(string key, ISignal signal)
    {
        // A signal nobody consumes changes nothing in the embedded engine either: it is not sent.
        if (topology.FoldsFor(signal.GetType()).Count > 0)
        {
            Deliver(Cause with { Key = key, Body = signal });
        }
    }

    /// <summary>Puts a fold input on the messages topic under its key.</summary>
    public void Deliver(in Message message)
    {
        context.SetHeaders([]);
        context.ChangeTimestamp(RecordTime(message.At));
        context.Forward(message.Key, MessageRecord.Write(message), _toMessages);
    }

    public void Write(OutputRow row)
    {
        context.SetHeaders([new Header(RowRecords.TableHeader, Encoding.UTF8.GetBytes(row.Table))]);
        context.ChangeTimestamp(RecordTime(Cause.At));
        var value = RowRecords.ValueOf(row);
        context.Forward(RowRecords.KeyOf(row, Cause.Key), value, _toOutputs);
        if (row is AlertNotice notice)
        {
            context.SetHeaders([]);
            context.Forward(notice.AlertId, value, _toAlerts);
        }
    }

    /// <summary>A fold or router threw: a row of <c>processing_failures</c>, as in the embedded runtime.</summary>
    public void Failed(in Message message, string step, Exception error) =>
        Write(ProcessingFailureRow.From(message, step, error, Origin.ReceivedAt));

    public void DeadLetter(string? key, byte[] row)
    {
        context.SetHeaders([]);
        context.ChangeTimestamp(RecordTime(Origin.ReceivedAt));
        context.Forward(key ?? "", row, _toDeadLetters);
    }

    // Kafka refuses a negative record time, and a timer may be due at any time a fold names.
    private static long RecordTime(DateTimeOffset at) => Math.Max(0, at.ToUnixTimeMilliseconds());
}

/// <summary>The names of each processor's sink nodes, which its outputs forward to by name.</summary>
internal static class Sinks
{
    public static string Messages(string processor) => $"{processor}-to-messages";

    public static string Outputs(string processor) => $"{processor}-to-outputs";

    public static string DeadLetters(string processor) => $"{processor}-to-dead-letters";

    public static string Alerts(string processor) => $"{processor}-to-alerts";
}
