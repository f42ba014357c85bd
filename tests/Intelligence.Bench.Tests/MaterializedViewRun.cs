using Intelligence.Bench.MaterializedViews;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Intelligence.Bench.Tests;

/// <summary>
/// One run of the materialized-view approach on a small workload, shared by the tests: chDB holds
/// one storage path per process, so the process runs the approach once. INTELLIGENCE_BENCH_EVENTS
/// sizes the workload (default 8,000 inputs), so that the same test measures a large one.
/// </summary>
public sealed class MaterializedViewRun : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"intelligence-bench-{Guid.NewGuid():N}");

    public Measurement Measurement { get; private set; } = null!;

    public Workload Workload { get; } = new(
        long.TryParse(Environment.GetEnvironmentVariable("INTELLIGENCE_BENCH_EVENTS"), out var events) ? events : 8_000,
        events > 0 ? 2_000 : 200, events > 0 ? 12 : 4, 42);

    public async Task InitializeAsync()
    {
        var file = Workload.Ensure(_folder, _ => { });
        Measurement = await MaterializedViewApproach.RunAsync(file, _folder, progress: null, CancellationToken.None);
        Console.WriteLine(Measurement.ToLine());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
