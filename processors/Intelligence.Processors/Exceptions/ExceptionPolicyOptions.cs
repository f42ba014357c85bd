using Intelligence.Processors.Flow;
using static Intelligence.Processors.Exceptions.ExceptionCategories;

namespace Intelligence.Processors.Exceptions;

/// <summary>
/// How the exception queue treats each category: default severity, SLA (with per-channel
/// overrides), the team that owns it, routing rules and the weights of the priority score.
/// Configuration, bound from appsettings; the defaults below are documented in docs/processors/exceptions.md.
/// </summary>
public sealed record ExceptionPolicyOptions
{
    /// <summary>Default severity per category (low, medium, high, critical); a category not listed is medium.</summary>
    public IReadOnlyDictionary<string, string> Severities { get; init; } = new Dictionary<string, string>
    {
        [PaymentHold] = ExceptionSeverity.High, [AddressValidation] = ExceptionSeverity.Medium,
        [FraudReview] = ExceptionSeverity.High, [PartialAllocation] = ExceptionSeverity.Medium,
        [SplitShipment] = ExceptionSeverity.Low, [Backorder] = ExceptionSeverity.Medium,
        [CarrierDelay] = ExceptionSeverity.Medium, [DamagedReturn] = ExceptionSeverity.Medium,
        [SupplierShortShipment] = ExceptionSeverity.Medium, [Oversell] = ExceptionSeverity.Critical,
        [OversellRisk] = ExceptionSeverity.High, [SupplierSlippage] = ExceptionSeverity.Medium,
        [NodeBacklog] = ExceptionSeverity.High, [UnreconciledSettlement] = ExceptionSeverity.Medium,
        [ReturnRateQuality] = ExceptionSeverity.Medium, [ListingDrift] = ExceptionSeverity.Medium,
    };

    /// <summary>Time to resolve, per category, counted from when the exception opened.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Slas { get; init; } = new Dictionary<string, TimeSpan>
    {
        [PaymentHold] = TimeSpan.FromHours(2), [AddressValidation] = TimeSpan.FromHours(4),
        [FraudReview] = TimeSpan.FromHours(4), [PartialAllocation] = TimeSpan.FromHours(24),
        [SplitShipment] = TimeSpan.FromHours(96), [Backorder] = TimeSpan.FromHours(48),
        [CarrierDelay] = TimeSpan.FromHours(48), [DamagedReturn] = TimeSpan.FromHours(48),
        [SupplierShortShipment] = TimeSpan.FromHours(72), [Oversell] = TimeSpan.FromHours(4),
        [OversellRisk] = TimeSpan.FromHours(12), [SupplierSlippage] = TimeSpan.FromDays(7),
        [NodeBacklog] = TimeSpan.FromHours(4), [UnreconciledSettlement] = TimeSpan.FromDays(5),
        [ReturnRateQuality] = TimeSpan.FromHours(72), [ListingDrift] = TimeSpan.FromHours(6),
    };

    /// <summary>The SLA of a category missing from <see cref="Slas"/>.</summary>
    public TimeSpan DefaultSla { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Per-channel SLAs that replace the category's for exceptions of that channel.</summary>
    public IReadOnlyList<ChannelSla> ChannelSlas { get; init; } =
    [
        new() { Category = PaymentHold, Channel = "wholesale", Sla = TimeSpan.FromHours(24) },
        new() { Category = AddressValidation, Channel = "marketplace-amz", Sla = TimeSpan.FromHours(2) },
        new() { Category = CarrierDelay, Channel = "marketplace-amz", Sla = TimeSpan.FromHours(24) },
        new() { Category = CarrierDelay, Channel = "wholesale", Sla = TimeSpan.FromHours(96) },
    ];

    /// <summary>The team that owns each category when no routing rule matches.</summary>
    public IReadOnlyDictionary<string, string> Teams { get; init; } = new Dictionary<string, string>
    {
        [PaymentHold] = "payments", [AddressValidation] = "customer_service", [FraudReview] = "fraud",
        [PartialAllocation] = "fulfillment_ops", [SplitShipment] = "fulfillment_ops", [Backorder] = "inventory_planning",
        [CarrierDelay] = "transport", [DamagedReturn] = "returns", [SupplierShortShipment] = "supplier_management",
        [Oversell] = "inventory_control", [OversellRisk] = "inventory_planning", [SupplierSlippage] = "supplier_management",
        [NodeBacklog] = "fulfillment_ops", [UnreconciledSettlement] = "finance", [ReturnRateQuality] = "quality",
        [ListingDrift] = "channel_ops",
    };

    /// <summary>The team of a category missing from <see cref="Teams"/>.</summary>
    public string DefaultTeam { get; init; } = "operations";

    /// <summary>Routing rules, tried in order; the first that matches sets the team and bumps the severity.</summary>
    public IReadOnlyList<ExceptionRoutingRule> RoutingRules { get; init; } =
    [
        new() { Name = "high-value-fraud", Categories = [FraudReview], MinimumOrderValue = 1000m, Team = "fraud_senior", SeverityBump = 1 },
        new()
        {
            Name = "risky-payment", Categories = [PaymentHold], MinimumRisk = 0.7, Team = "fraud", SeverityBump = 1,
        },
        new()
        {
            Name = "platinum-customers", CustomerTiers = ["platinum"],
            Categories = [PaymentHold, AddressValidation, PartialAllocation, Backorder, SplitShipment, CarrierDelay, DamagedReturn],
            Team = "customer_care_vip", SeverityBump = 1,
        },
        new()
        {
            Name = "wholesale-accounts", Channels = ["wholesale"],
            Categories = [PaymentHold, PartialAllocation, Backorder, SplitShipment, CarrierDelay],
            Team = "key_accounts",
        },
    ];

    /// <summary>When the second escalation fires, in SLAs after opening (the first fires at one SLA).</summary>
    public double SecondEscalationAfterSlas { get; init; } = 2.0;

    /// <summary>Priority points per customer tier (0 to 20).</summary>
    public IReadOnlyDictionary<string, int> TierPriority { get; init; } = new Dictionary<string, int>
    {
        ["platinum"] = 8, ["gold"] = 5, ["trade"] = 5, ["silver"] = 2, ["standard"] = 0,
    };

    /// <summary>Priority points per sales channel (0 to 20): how costly a broken promise is there.</summary>
    public IReadOnlyDictionary<string, int> ChannelPriority { get; init; } = new Dictionary<string, int>
    {
        ["marketplace-amz"] = 6, ["marketplace-ebay"] = 5, ["wholesale"] = 4, ["webstore"] = 3, ["stores"] = 1,
    };

    /// <summary>
    /// How long a resolved exception is kept after its last change: past it, the state is deleted,
    /// and the same id raised again counts as a new exception (its occurrences start again). 1 to
    /// 3,650 days; default 30.
    /// </summary>
    public TimeSpan RetainResolvedFor { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Each invalid setting, named, with the range it must be in.</summary>
    public IEnumerable<string> Problems()
    {
        if (Retention.Problem(nameof(RetainResolvedFor), RetainResolvedFor) is { } retention)
        {
            yield return retention;
        }

        foreach (var (category, severity) in Severities)
        {
            if (!ExceptionSeverity.IsLevel(severity))
            {
                yield return $"Severities:{category} is '{severity}': it must be one of {string.Join(", ", ExceptionSeverity.Levels)}.";
            }
        }

        foreach (var (category, sla) in Slas)
        {
            if (!ValidSla(sla))
            {
                yield return $"Slas:{category} is {sla}: it must be more than zero and at most 90 days.";
            }
        }

        if (!ValidSla(DefaultSla))
        {
            yield return $"DefaultSla is {DefaultSla}: it must be more than zero and at most 90 days.";
        }

        for (var i = 0; i < ChannelSlas.Count; i++)
        {
            var o = ChannelSlas[i];
            if (!All.Contains(o.Category))
            {
                yield return $"ChannelSlas:{i}:Category is '{o.Category}': it must be one of the exception categories.";
            }

            if (string.IsNullOrWhiteSpace(o.Channel))
            {
                yield return $"ChannelSlas:{i}:Channel is empty: it must name a sales channel.";
            }

            if (!ValidSla(o.Sla))
            {
                yield return $"ChannelSlas:{i}:Sla is {o.Sla}: it must be more than zero and at most 90 days.";
            }
        }

        foreach (var problem in RuleProblems())
        {
            yield return problem;
        }

        if (string.IsNullOrWhiteSpace(DefaultTeam) || Teams.Any(t => string.IsNullOrWhiteSpace(t.Value)))
        {
            yield return "Teams and DefaultTeam must name a team: an empty team name was given.";
        }

        if (SecondEscalationAfterSlas is <= 1 or > 10 || double.IsNaN(SecondEscalationAfterSlas))
        {
            yield return $"SecondEscalationAfterSlas is {SecondEscalationAfterSlas}: it must be more than 1 and at most 10.";
        }

        foreach (var (name, points) in TierPriority.Concat(ChannelPriority))
        {
            if (points is < 0 or > 20)
            {
                yield return $"TierPriority/ChannelPriority:{name} is {points}: it must be between 0 and 20.";
            }
        }
    }

    private IEnumerable<string> RuleProblems()
    {
        for (var i = 0; i < RoutingRules.Count; i++)
        {
            var rule = RoutingRules[i];
            if (string.IsNullOrWhiteSpace(rule.Team))
            {
                yield return $"RoutingRules:{i}:Team is empty: every rule must name a team.";
            }

            if (rule.Categories.FirstOrDefault(c => !All.Contains(c)) is { } unknown)
            {
                yield return $"RoutingRules:{i}:Categories names '{unknown}': it must be one of the exception categories.";
            }

            if (rule.SeverityBump is < -3 or > 3)
            {
                yield return $"RoutingRules:{i}:SeverityBump is {rule.SeverityBump}: it must be between -3 and 3.";
            }

            if (rule.MinimumRisk is < 0 or > 1)
            {
                yield return $"RoutingRules:{i}:MinimumRisk is {rule.MinimumRisk}: it must be between 0 and 1.";
            }

            if (rule.MinimumOrderValue < 0)
            {
                yield return $"RoutingRules:{i}:MinimumOrderValue is {rule.MinimumOrderValue}: it must be zero or more.";
            }
        }
    }

    private static bool ValidSla(TimeSpan sla) => sla > TimeSpan.Zero && sla <= TimeSpan.FromDays(90);
}
