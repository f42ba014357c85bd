using Confluent.Kafka;
using Intelligence.Analytics;
using Intelligence.Sink.Batching;
using Intelligence.Sink.Consuming;
using Intelligence.Sink.Rows;
using Microsoft.Extensions.Logging;

namespace Intelligence.Sink.Recovery;

/// <summary>
/// Settles newly assigned partitions before any of their records is taken: reads the group's
/// committed offsets, finds the batches recorded as continuing from them (batches stored, or begun,
/// by a member that stopped before committing), stores again exactly those that were not marked
/// stored, and moves past all of them: their records are skipped when read and their end committed.
/// </summary>
internal sealed class AssignmentRecovery(
    ISinkConsumer consumer,
    PartitionBook book,
    SinkProgress progress,
    BatchWriter batches,
    RecordRows rows,
    OffsetCommits commits,
    KafkaSinkOptions options,
    SinkMetrics metrics,
    TimeProvider clock,
    ILogger logger)
{
    public async Task ResumeAsync(IReadOnlyList<PartitionId> assigned, CancellationToken cancellationToken)
    {
        var partitions = assigned.Where(book.Holds).Distinct().ToList();
        if (partitions.Count == 0)
        {
            return;
        }

        var committed = await KafkaAsync(() => consumer.Committed(partitions), "read the committed offsets", cancellationToken)
            .ConfigureAwait(false);
        var starts = partitions
            .Select(p => new PartitionOffset(p, committed.GetValueOrDefault(p) ?? PartitionBook.NoneCommitted))
            .ToHashSet();
        foreach (var start in starts)
        {
            book.Committed(start.Partition, start.Offset == PartitionBook.NoneCommitted ? null : start.Offset);
        }

        var resumeAt = new Dictionary<PartitionId, long>();
        foreach (var batch in await progress.StartingAtAsync(options.GroupId, [.. starts], cancellationToken).ConfigureAwait(false))
        {
            if (!batch.Stored)
            {
                await ReplayAsync(batch.Plan, cancellationToken).ConfigureAwait(false);
            }

            foreach (var range in batch.Plan.Ranges.Where(r => starts.Contains(new PartitionOffset(r.Partition, r.Start))))
            {
                book.StoredThrough(range.Partition, range.Last);
                resumeAt[range.Partition] = Math.Max(resumeAt.GetValueOrDefault(range.Partition), range.Last + 1);
            }

            logger.LogInformation(
                "Batch {BatchId} ({Records} records, {Ranges}) was planned by a member that stopped before committing; {Outcome}",
                batch.Plan.Id, batch.Plan.Records, batch.Plan.Encode(),
                batch.Stored ? "it was stored, so its records are skipped" : "it was stored again under its first tokens");
        }

        commits.Commit(resumeAt.Select(r => new PartitionOffset(r.Key, r.Value)), "past the recovered batches");
        logger.LogInformation("Assigned {Partitions}: continuing from committed offsets {Offsets}",
            string.Join(", ", partitions), string.Join(", ", starts.Select(s => $"{s.Partition}@{s.Offset}")));
    }

    private async Task ReplayAsync(BatchPlan plan, CancellationToken cancellationToken)
    {
        // Exactly the planned records, read again whoever holds their partitions now, so that every
        // table's insert carries the plan's token and ClickHouse drops the ones it already has.
        var replay = new SinkBatch();
        foreach (var range in plan.Ranges)
        {
            var records = await KafkaAsync(() => consumer.ReadRange(range.Partition, range.First, range.Last, cancellationToken),
                $"read {range.Partition} offsets {range.First}-{range.Last} again", cancellationToken).ConfigureAwait(false);
            var taken = 0;
            foreach (var record in records.Where(r => r.Offset >= range.First && r.Offset <= range.Last))
            {
                replay.Add(record, range.Start, rows);
                taken++;
            }

            if (taken != range.Records)
            {
                logger.LogWarning(
                    "Only {Found} of the {Planned} records of {Partition} offsets {First}-{Last} are still in the topic; the rest cannot be stored again",
                    taken, range.Records, range.Partition, range.First, range.Last);
            }
        }

        await batches.ReplayAsync(plan, replay, cancellationToken).ConfigureAwait(false);
        metrics.Replayed(replay.Records);
    }

    private async Task<T> KafkaAsync<T>(Func<T> call, string what, CancellationToken cancellationToken)
    {
        var step = options.Backoff.Initial;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return call();
            }
            catch (Exception ex) when (ex is KafkaException { Error.IsFatal: false } or TimeoutException)
            {
                var wait = Backoff.Jittered(step);
                logger.LogWarning(ex, "Could not {What} (attempt {Attempt}); retrying in {Wait}", what, attempt, wait);
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
                step = options.Backoff.After(step);
            }
        }
    }
}
