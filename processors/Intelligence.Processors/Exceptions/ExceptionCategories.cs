namespace Intelligence.Processors.Exceptions;

/// <summary>The exception categories, as they appear in configuration, rows and dashboards.</summary>
public static class ExceptionCategories
{
    public const string PaymentHold = "payment_hold";
    public const string AddressValidation = "address_validation";
    public const string FraudReview = "fraud_review";
    public const string PartialAllocation = "partial_allocation";
    public const string SplitShipment = "split_shipment";
    public const string Backorder = "backorder";
    public const string CarrierDelay = "carrier_delay";
    public const string DamagedReturn = "damaged_return";
    public const string SupplierShortShipment = "supplier_short_shipment";
    public const string Oversell = "oversell";
    public const string OversellRisk = "oversell_risk";
    public const string SupplierSlippage = "supplier_slippage";
    public const string NodeBacklog = "node_backlog";
    public const string UnreconciledSettlement = "unreconciled_settlement";
    public const string ReturnRateQuality = "return_rate_quality";
    public const string ListingDrift = "listing_drift";

    public static readonly IReadOnlyList<string> All =
    [
        PaymentHold, AddressValidation, FraudReview, PartialAllocation, SplitShipment, Backorder, CarrierDelay,
        DamagedReturn, SupplierShortShipment, Oversell, OversellRisk, SupplierSlippage, NodeBacklog,
        UnreconciledSettlement, ReturnRateQuality, ListingDrift,
    ];
}
