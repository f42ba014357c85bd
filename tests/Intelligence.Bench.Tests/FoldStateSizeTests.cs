using Intelligence.Bench.Approaches;
using Intelligence.Processors;

namespace Intelligence.Bench.Tests;

/// <summary>
/// What a SKU x location costs in the processors' memory, measured as the bench measures it. The bound
/// is a regression guard: 1M keys must fit beside everything else on one machine (issue 7's target is
/// 1 GiB for the whole process); the state measured 721 bytes per key at 1M keys, 1,417 before the
/// stock position was made compact.
/// </summary>
public sealed class FoldStateSizeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"intelligence-fold-state-{Guid.NewGuid():N}");

    [Fact]
    public void Every_key_is_live_and_costs_less_than_a_kilobyte()
    {
        var sweep = new KeySweep(Keys: 20_000, Events: 60_000);
        var file = sweep.Ensure(_folder, _ => { });

        var measurement = FoldStateSize.Run(file, new ProcessorOptions(), new Intelligence.Contracts.EventReaderOptions());

        Assert.Equal(60_000, measurement.Events);
        Assert.Equal(60_000, measurement.Figure("events folded"));
        Assert.Equal(20_000, measurement.Figure("stock-positions: keys"));
        Assert.InRange(measurement.Figure("state bytes per SKU x location key") ?? 0, 200, 1_000);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
