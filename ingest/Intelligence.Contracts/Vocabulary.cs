namespace Intelligence.Contracts;

/// <summary>The closed sets of words that payloads use, so that a typo is a rejection, not a new category.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlySet<string> Channels = new HashSet<string>(StringComparer.Ordinal)
    {
        "webstore", "marketplace-amz", "marketplace-ebay", "stores", "wholesale",
    };

    public static readonly IReadOnlySet<string> CustomerTiers = new HashSet<string>(StringComparer.Ordinal)
    {
        "standard", "silver", "gold", "platinum", "trade",
    };

    public static readonly IReadOnlySet<string> HoldReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "payment_hold", "address_validation", "fraud_review",
    };

    public static readonly IReadOnlySet<string> ReturnReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "damaged", "defective", "wrong_item", "not_as_described", "size_fit", "changed_mind", "late_delivery",
    };

    public static readonly IReadOnlySet<string> ReturnConditions = new HashSet<string>(StringComparer.Ordinal)
    {
        "sellable", "damaged",
    };

    public static readonly IReadOnlySet<string> AdjustmentReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "damage", "shrinkage", "found", "correction", "write_off",
    };

    public static readonly IReadOnlySet<string> SettlementLineKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "sale", "refund", "fee", "chargeback", "adjustment",
    };
}
