using CsCheck;
using Intelligence.Sink.Tests.Support;

namespace Intelligence.Sink.Tests;

/// <summary>Whatever the batch sizes and wherever the sink dies, the store ends up with the input, each record once.</summary>
public sealed class ExactlyOncePropertyTests
{
    public enum CrashPoint
    {
        AfterDataInsert,
        AfterProgressInsert,
        AtCommit,
    }

    private static readonly Gen<(int First, int Second, int CrashAt, CrashPoint Where)> AnyCrash =
        Gen.Select(Gen.Int[1, 16], Gen.Int[1, 16], Gen.Int[1, 12], Gen.Enum<CrashPoint>());

    [Fact]
    public async Task For_any_batch_sizes_and_crash_point_the_stored_rows_are_the_input_rows_once()
    {
        await AnyCrash.SampleAsync(async run =>
        {
            var db = SharedStore.NewDatabase();
            var input = MixedInput.Make(24, partitions: 3, markerEvery: 5);
            var (store, commitFault) = Crash(run.Where, run.CrashAt);
            using (var crashing = SinkRun.Steady(input.Log, run.First, db, store, commitFault: commitFault))
            {
                // A crash point past the last batch means the first run simply finishes.
                Assert.True(await SinkRun.DrainAsync(crashing, input.Log) is null or SimulatedCrashException);
            }

            using var restarted = SinkRun.Steady(input.Log, run.Second, db);
            Assert.Null(await SinkRun.DrainAsync(restarted, input.Log));
            await input.AssertStoredExactlyOnceAsync(db);
        }, iter: 10, threads: 1);
    }

    private static (FaultyStore Store, Func<int, Exception?>? CommitFault) Crash(CrashPoint where, int at)
    {
        var store = new FaultyStore(SharedStore.Instance);
        var seen = 0;
        switch (where)
        {
            case CrashPoint.AfterDataInsert:
                store.AfterInsert = (table, _) =>
                    !table.EndsWith(".sink_batches", StringComparison.Ordinal) && ++seen == at ? new SimulatedCrashException() : null;
                return (store, null);
            case CrashPoint.AfterProgressInsert:
                store.AfterInsert = (table, _) =>
                    table.EndsWith(".sink_batches", StringComparison.Ordinal) && ++seen == at ? new SimulatedCrashException() : null;
                return (store, null);
            default:
                return (store, n => n == at ? new SimulatedCrashException() : null);
        }
    }
}
