namespace Intelligence.Processors.Margin;

/// <summary>The KPI series the margin fold adds its changes to, per <c>channel:&lt;c&gt;</c> and <c>promotion:&lt;id&gt;</c> (<c>promotion:none</c> for full-price sales).</summary>
public static class MarginKpis
{
    public const string Revenue = "revenue";
    public const string NetRevenue = "net_revenue";
    public const string Cogs = "cogs";
    public const string Fees = "fees";
    public const string Refunds = "refunds";
    public const string Contribution = "contribution";

    /// <summary>In the order the fold computes them.</summary>
    public static readonly IReadOnlyList<string> Names = [Revenue, NetRevenue, Cogs, Fees, Refunds, Contribution];
}
