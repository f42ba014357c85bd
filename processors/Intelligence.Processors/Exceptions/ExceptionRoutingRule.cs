namespace Intelligence.Processors.Exceptions;

/// <summary>
/// One routing rule of the exception queue. A rule matches when every condition it sets holds
/// (an empty list or a null threshold is no condition); the first matching rule in the list wins.
/// </summary>
public sealed record ExceptionRoutingRule
{
    /// <summary>A short name, written on the exception row so analysts can see which rule routed it.</summary>
    public string Name { get; init; } = "";

    /// <summary>Categories the rule applies to; empty for every category.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Sales channels the rule applies to; empty for any channel (and for exceptions without one).</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>The smallest order value (EUR) the rule applies to; exceptions without an order value never match it.</summary>
    public decimal? MinimumOrderValue { get; init; }

    /// <summary>Customer tiers the rule applies to; empty for any tier.</summary>
    public IReadOnlyList<string> CustomerTiers { get; init; } = [];

    /// <summary>The smallest risk score (0 to 1) the rule applies to.</summary>
    public double? MinimumRisk { get; init; }

    /// <summary>The team whose queue the exception lands in.</summary>
    public string Team { get; init; } = "";

    /// <summary>Steps up (or down, when negative) the severity ladder from the category's default, between −3 and 3.</summary>
    public int SeverityBump { get; init; }

    public bool Matches(string category, ExceptionContext context) =>
        (Categories.Count == 0 || Categories.Contains(category))
        && (Channels.Count == 0 || (context.Channel is not null && Channels.Contains(context.Channel)))
        && (MinimumOrderValue is null || context.OrderValue >= MinimumOrderValue)
        && (CustomerTiers.Count == 0 || (context.CustomerTier is not null && CustomerTiers.Contains(context.CustomerTier)))
        && (MinimumRisk is null || context.Risk >= MinimumRisk);
}

/// <summary>A channel's own SLA for one category (marketplaces promise faster handling than the webstore, say).</summary>
public sealed record ChannelSla
{
    public string Category { get; init; } = "";

    public string Channel { get; init; } = "";

    public TimeSpan Sla { get; init; }
}
