using Intelligence.Analytics;
using Intelligence.Sink.Recovery;

namespace Intelligence.Sink.Batching;

/// <summary>
/// Stores a batch: its plan first (so a crash from here on is seen by whoever reads the partitions
/// next), then each table with the plan's token, then the mark that every table has it.
/// </summary>
internal sealed class BatchWriter(string database, StoreWriter writer, SinkProgress progress, SinkMetrics metrics)
{
    public async Task StoreAsync(BatchPlan plan, SinkBatch batch, CancellationToken cancellationToken)
    {
        await progress.PlannedAsync(plan, cancellationToken).ConfigureAwait(false);
        await WriteTablesAsync(plan, batch, countStored: true, cancellationToken).ConfigureAwait(false);
        await progress.StoredAsync(plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores again a batch planned before a crash, from the same records under the same tokens.</summary>
    public async Task ReplayAsync(BatchPlan plan, SinkBatch batch, CancellationToken cancellationToken)
    {
        await WriteTablesAsync(plan, batch, countStored: false, cancellationToken).ConfigureAwait(false);
        await progress.StoredAsync(plan, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteTablesAsync(BatchPlan plan, SinkBatch batch, bool countStored, CancellationToken cancellationToken)
    {
        foreach (var rows in batch.Tables())
        {
            var table = $"{database}.{rows.Table}";
            await writer.InsertAsync(table, rows.Json, plan.TokenFor(table), rows.Rows, cancellationToken).ConfigureAwait(false);
            if (countStored)
            {
                metrics.Stored(rows.Table, rows.Rows);
            }
        }
    }
}
