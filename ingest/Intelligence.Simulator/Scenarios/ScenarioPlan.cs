using Intelligence.Simulator.Planning;

namespace Intelligence.Simulator.Scenarios;

/// <summary>
/// Every scenario's choices and window, worked out from the options before the run starts. All four
/// are always planned (so switching one on does not move another); only the enabled ones take effect.
/// </summary>
internal sealed class ScenarioPlan
{
    public ScenarioPlan(SimulationOptions options, Catalogue catalogue, RunPlan plan)
    {
        var rng = new Random(Seeds.Derive(options.Seed, Seeds.Scenarios));
        Flash = new FlashPromotionPlan(rng, catalogue, plan);
        Slippage = new SupplierSlippagePlan(catalogue, plan);
        Backlog = new ThreePlBacklogPlan(catalogue, plan);
        Returns = new HighReturnRatePlan(rng, catalogue, plan);

        FlashOn = options.Scenarios.Contains(Scenario.FlashPromotion);
        SlippageOn = options.Scenarios.Contains(Scenario.SupplierSlippage);
        BacklogOn = options.Scenarios.Contains(Scenario.ThreePlBacklog);
        ReturnsOn = options.Scenarios.Contains(Scenario.HighReturnRate);

        var truths = new List<ScenarioTruth>();
        AddIf(truths, FlashOn, Flash.Truth);
        AddIf(truths, SlippageOn, Slippage.Truth);
        AddIf(truths, BacklogOn, Backlog.Truth);
        AddIf(truths, ReturnsOn, Returns.Truth);
        Truths = truths.AsReadOnly();
    }

    public FlashPromotionPlan Flash { get; }

    public SupplierSlippagePlan Slippage { get; }

    public ThreePlBacklogPlan Backlog { get; }

    public HighReturnRatePlan Returns { get; }

    public bool FlashOn { get; }

    public bool SlippageOn { get; }

    public bool BacklogOn { get; }

    public bool ReturnsOn { get; }

    public IReadOnlyList<ScenarioTruth> Truths { get; }

    public double SlipDays(int supplier, DateTimeOffset promisedAt) => SlippageOn ? Slippage.SlipDays(supplier, promisedAt) : 0;

    /// <summary>Whether the node is short of pickers at <paramref name="at"/>.</summary>
    public bool Backlogged(int node, DateTimeOffset at) => BacklogOn && node == ThreePlBacklogPlan.Node && Backlog.Window.Contains(at);

    public bool RaisesReturns(int category, DateTimeOffset deliveredAt) => ReturnsOn && Returns.Raises(category, deliveredAt);

    private static void AddIf(List<ScenarioTruth> truths, bool on, ScenarioTruth truth)
    {
        if (on)
        {
            truths.Add(truth);
        }
    }
}
