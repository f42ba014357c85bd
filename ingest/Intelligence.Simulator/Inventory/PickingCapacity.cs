using Intelligence.Simulator.Planning;
using Intelligence.Simulator.Scenarios;

namespace Intelligence.Simulator.Inventory;

/// <summary>
/// Each node picks order lines first come, first served. Its usual rate has headroom over expected
/// demand for the evening peak (and a minimum crew, so a quiet node is not a slow one). A backlogged
/// node picks fewer lines than arrive, so its queue, and its backlog, grow for as long as that lasts.
/// </summary>
internal sealed class PickingCapacity
{
    private const double WarehouseHeadroom = 2.2;
    private const double StoreHeadroom = 4.0;
    private const double MinimumCrewLinesPerHour = 6;

    private readonly ScenarioPlan _scenarios;
    private readonly double[] _secondsPerLine;
    private readonly double[] _backloggedSecondsPerLine;
    private readonly long[] _freeAt;

    public PickingCapacity(RunPlan plan, ScenarioPlan scenarios)
    {
        _scenarios = scenarios;
        _secondsPerLine = new double[plan.Locations];
        _backloggedSecondsPerLine = new double[plan.Locations];
        _freeAt = new long[plan.Locations];
        for (var node = 0; node < plan.Locations; node++)
        {
            var demand = Math.Max(0.5, plan.PickLinesPerHour[node]);
            var headroom = node < Assortment.OnlineNodes ? WarehouseHeadroom : StoreHeadroom;
            _secondsPerLine[node] = 3600 / Math.Max(demand * headroom, demand + MinimumCrewLinesPerHour);
            _backloggedSecondsPerLine[node] = 3600 / (demand * ThreePlBacklogPlan.CapacityVersusDemand);
            _freeAt[node] = plan.Start.UtcTicks;
        }
    }

    /// <summary>Queues <paramref name="lines"/> lines that can be picked from <paramref name="readyAt"/>; returns when the last is picked.</summary>
    public DateTimeOffset Schedule(int node, DateTimeOffset readyAt, int lines)
    {
        var start = new DateTimeOffset(Math.Max(readyAt.UtcTicks, _freeAt[node]), TimeSpan.Zero);
        var perLine = _scenarios.Backlogged(node, start) ? _backloggedSecondsPerLine[node] : _secondsPerLine[node];
        var done = start.AddSeconds(lines * perLine);
        _freeAt[node] = done.UtcTicks;
        return done;
    }
}
