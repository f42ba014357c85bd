using Intelligence.Contracts;
using Intelligence.EventLog;

namespace Intelligence.Ingest;

/// <summary>
/// The one door every input goes through: read and validate it, drop it if it is a duplicate,
/// append it to the event log, or dead-letter it with the reason. Each input is counted once.
/// </summary>
public sealed class IngestGate(
    EventReader reader,
    DuplicateFilter duplicates,
    ITopicWriter<AcceptedEvent> events,
    ITopicWriter<DeadLetter> deadLetters,
    IngestCounters counters)
{
    public IngestCounters Counters => counters;

    public EventReaderOptions Limits => reader.Options;

    public async ValueTask<IngestResult> SubmitAsync(ReadOnlyMemory<byte> input, InputSource source,
        CancellationToken cancellationToken)
    {
        var now = source.Clock.GetUtcNow();
        var outcome = reader.Read(input.Span, now);
        IngestResult result;
        if (outcome.Accepted is { } accepted)
        {
            result = await LogAsync(accepted, now, source, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var letter = DeadLetter.From(input.Span, now, outcome.Source ?? source.Name, outcome.Rejection!,
                outcome.EventId, outcome.TypeName);
            await deadLetters.AppendAsync(source.Name, letter, cancellationToken).ConfigureAwait(false);
            result = IngestResult.Rejected(outcome.EventId, outcome.Rejection!, outcome.Source);
        }

        counters.Count(source.Name, result);
        return result;
    }

    /// <summary>
    /// Waits until every input submitted before the call is durably logged (events and dead letters);
    /// throws when the log gave some up (they were not stored: the source should resend).
    /// </summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await events.FlushAsync(cancellationToken).ConfigureAwait(false);
        await deadLetters.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<IngestResult> LogAsync(RetailEvent accepted, DateTimeOffset now, InputSource source,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var claim = duplicates.TryClaim(accepted.Id);
            switch (claim.Status)
            {
                case ClaimStatus.Duplicate:
                    return IngestResult.Duplicate(accepted.Id, accepted.Source);
                case ClaimStatus.InFlight:
                    // Another copy is being logged: its fate decides whether this one is a duplicate.
                    await claim.Settled.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
            }

            try
            {
                await events.AppendAsync(accepted.Key, new AcceptedEvent(accepted, now, source.Name), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch
            {
                duplicates.Release(accepted.Id);
                throw;
            }

            duplicates.Confirm(accepted.Id);
            return IngestResult.Accepted(accepted.Id, accepted.Source);
        }
    }
}
