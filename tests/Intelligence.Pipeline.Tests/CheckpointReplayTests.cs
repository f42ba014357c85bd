using Intelligence.Embedded;
using Intelligence.Embedded.Checkpoints;
using Intelligence.Simulator;
using Intelligence.Sink.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intelligence.Pipeline.Tests;

/// <summary>
/// The embedded sinks across a crash between storing a batch and committing it: the restarted run
/// replays from its checkpoint, cuts the same batch, and the store drops it as one it has.
/// </summary>
public sealed class CheckpointReplayTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"intelligence-checkpoint-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_batch_stored_but_not_committed_before_a_crash_is_stored_once_after_the_restart()
    {
        var db = SharedStore.NewDatabase();
        var options = PipelineRig.Options(db) with { Checkpoints = new CheckpointOptions { Every = 1_000 } };
        var simulation = new SimulationOptions { Events = 5_000, Seed = 11 };
        var path = Path.Combine(_folder, CheckpointFile.Name);

        // The third raw_events batch is stored, then the process "dies" before the sink commits it.
        var rawEventInserts = 0;
        var crashing = new FaultyStore(SharedStore.Instance)
        {
            AfterInsert = (table, _) => table == $"{db}.raw_events" && ++rawEventInserts == 3 ? new SimulatedCrashException() : null,
        };
        await using (var first = await EmbeddedPipeline.StartAsync(crashing, options, TimeProvider.System,
            NullLoggerFactory.Instance, CancellationToken.None, checkpointing: new RunCheckpointing(path, options.Checkpoints, "f", "test", null)))
        {
            var source = new SimulatorSource(new RetailSimulator(simulation), first.Checkpoints!.Start, first.Checkpoints.AfterInputAsync);
            await Assert.ThrowsAnyAsync<Exception>(() => source.RunAsync(first.Gate, first.Failed).WaitAsync(TimeSpan.FromSeconds(60)));
        }

        var stored = CheckpointFile.Read(path)!;
        var rowsAtCrash = await CountAsync(db, "raw_events");
        Assert.True(rowsAtCrash > stored.Run.Stored.Events,
            $"the crash left {rowsAtCrash} rows, no more than the checkpoint's {stored.Run.Stored.Events}: no batch was stored uncommitted");

        await using var second = await EmbeddedPipeline.StartAsync(SharedStore.Instance, options, TimeProvider.System,
            NullLoggerFactory.Instance, CancellationToken.None, checkpointing: new RunCheckpointing(path, options.Checkpoints, "f", "test", stored));
        Assert.Equal(stored.Run.RunId, second.RunId);
        await new SimulatorSource(new RetailSimulator(simulation), second.Checkpoints!.Start, second.Checkpoints.AfterInputAsync)
            .RunAsync(second.Gate, CancellationToken.None);
        await second.Checkpoints.FinishAsync();
        var summary = await second.CompleteAsync(TimeProvider.System, CancellationToken.None);

        Assert.True(summary.Balances, $"{summary.Received} received, {summary.Stored} stored, {summary.StoreEventRowsAdded} rows added, {summary.Processed} processed, {summary.DeadLettered} dead-lettered ({summary.StoreDeadLetterRowsAdded} rows added), {summary.Duplicates} duplicates");
        Assert.Equal(simulation.Events, summary.Received);
        Assert.Equal(summary.Stored, await CountAsync(db, "raw_events"));
        Assert.Equal(summary.DeadLettered, await CountAsync(db, "dead_letters"));
        Assert.Equal(summary.Stored, await UniqueAsync(db));
    }

    private static async Task<long> CountAsync(string db, string table) =>
        long.Parse((await SharedStore.Instance.QueryAsync($"SELECT count() FROM {db}.{table}", "TabSeparated")).Text.Trim(),
            System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<long> UniqueAsync(string db) =>
        long.Parse((await SharedStore.Instance.QueryAsync($"SELECT uniqExact(event_id) FROM {db}.raw_events", "TabSeparated")).Text.Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
}
