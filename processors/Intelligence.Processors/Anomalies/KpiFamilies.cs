using Intelligence.Anomaly.Scoring;

namespace Intelligence.Processors.Anomalies;

/// <summary>
/// The KPI series scored for anomalies. In an action, <c>{id}</c> is the series' entity without its
/// kind and <c>{drivers}</c> the drivers that moved most.
/// </summary>
public static class KpiFamilies
{
    public static readonly KpiFamily Demand = new(
        "demand", "units_ordered", SeriesKind.Count, BucketAggregation.Sum, TimeSpan.FromHours(1), +1, 10,
        "demand_spike", "planning",
        "Check what {id} may still show of {drivers}: cap the channel's exposure or move stock there before it oversells, and confirm the promotion's end with merchandising.")
    {
        // A channel's hourly demand is busy and a rush lasts hours: average fewer hours, and alarm at fewer spreads.
        Adjust = options => options with { SmoothingPoints = Math.Min(options.SmoothingPoints, 3), Scale = Math.Min(options.Scale, 6) },
        SurgeDrivers = ["promotion"],
    };

    public static readonly KpiFamily Backlog = new(
        "backlog", "backlog_lines", SeriesKind.Level, BucketAggregation.Last, TimeSpan.FromHours(1), +1, 25,
        "backlog_growth", "fulfillment",
        "Move lines from {id} to nodes with spare capacity (routing_recommendations says how many per hour), add pick labour, and warn customer service of late orders.");

    public static readonly KpiFamily LeadTime = new(
        "lead_time", "days_late", SeriesKind.Level, BucketAggregation.Mean, TimeSpan.Zero, +1, 0.5,
        "lead_time_slip", "purchasing",
        "Ask {id} for revised dates on its open purchase orders ({drivers}), expedite what is at risk and raise safety stock for its SKUs until receipts are on time again.")
    {
        Adjust = options => options with { MinimumHistory = Math.Min(options.MinimumHistory, 8) }, // receipts are sparse: a few a week per supplier
    };

    public static readonly KpiFamily Returns = new(
        "returns", "units_returned", SeriesKind.Count, BucketAggregation.Sum, TimeSpan.FromHours(1), +1, 5,
        "return_rate_jump", "quality",
        "Hold and inspect {id} stock for the top reasons ({drivers}), pause replenishment of the SKUs involved, and check their listings for description errors.");

    public static readonly KpiFamily Margin = new(
        "margin", "margin_rate", SeriesKind.Level, BucketAggregation.Ratio, TimeSpan.FromHours(1), -1, 0.05,
        "margin_leak", "merchandising",
        "Review the discounts, fees and refunds behind {id}'s margin ({drivers}): end or cap the promotion, or correct the price, before more volume sells below target.")
    {
        DriverDirection = +1, // a driver is the promotion's discounts, fees and refunds: more of them is what leaks margin
    };

    public static readonly IReadOnlyList<KpiFamily> All = [Demand, Backlog, LeadTime, Returns, Margin];

    public static KpiFamily? Named(string name) => All.FirstOrDefault(f => f.Name == name);
}
