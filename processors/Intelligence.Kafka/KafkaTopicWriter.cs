using Confluent.Kafka;
using Intelligence.EventLog;

namespace Intelligence.Kafka;

/// <summary>
/// The producing side of a Kafka topic behind the ingest gate: hands each record to the process's one
/// producer without waiting for the broker (the delivery report settles it in the ledger), waits
/// while the producer's local queue is full (backpressure reaching the source), and tells
/// <paramref name="failed"/> about a record the broker could not take, so the gate can let a resend
/// of it through. Positions are not known until delivery: <see cref="AppendAsync"/> returns partition
/// and offset -1.
/// </summary>
public sealed class KafkaTopicWriter<T>(
    IProducer<string, byte[]> producer,
    string topic,
    Func<string, T, Message<string, byte[]>> toMessage,
    DeliveryLedger ledger,
    Action<T, Error> failed) : ITopicWriter<T>
{
    private static readonly LogPosition NotYetKnown = new(-1, -1);

    public string Topic => topic;

    public async ValueTask<LogPosition> AppendAsync(string key, T value, CancellationToken cancellationToken)
    {
        var message = toMessage(key, value);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var room = ledger.NextSettlementAsync(cancellationToken);
            var sequence = ledger.Enlist();
            try
            {
                producer.Produce(topic, message, report => Settle(sequence, value, report.Error));
                return NotYetKnown;
            }
            catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                ledger.Withdraw(sequence);

                // Wait for the broker to take something, but look again soon: a settlement may have
                // come between the full queue and the wait.
                await Task.WhenAny(room, Task.Delay(50, cancellationToken)).ConfigureAwait(false);
            }
            catch (ProduceException<string, byte[]> ex)
            {
                ledger.Withdraw(sequence);
                throw new InvalidOperationException(
                    $"Kafka producer refused a record for {topic}: {ex.Error.Reason} ({ex.Error.Code}).", ex);
            }
        }
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => new(FlushCoreAsync(cancellationToken));

    private async Task FlushCoreAsync(CancellationToken cancellationToken)
    {
        var failedBefore = ledger.Failed;
        var failedAfter = await ledger.WhenSettledAsync(cancellationToken).ConfigureAwait(false);
        if (failedAfter > failedBefore)
        {
            throw new RecordsNotLoggedException(
                $"{failedAfter - failedBefore} record(s) could not be written to Kafka ({topic}) while this batch was in flight; " +
                "resend the batch: the records already stored are dropped as duplicates.");
        }
    }

    private void Settle(long sequence, T value, Error error)
    {
        if (error.IsError)
        {
            failed(value, error);
        }

        ledger.Settle(sequence, delivered: !error.IsError);
    }
}
