using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Suppliers;

/// <summary>
/// Settings of the purchase-order and supplier-scorecard folds. Times are in days (fractions allowed)
/// so that appsettings stay readable.
/// </summary>
public sealed record SuppliersOptions
{
    /// <summary>
    /// How long a purchase order received short waits for the missing units after its latest receipt
    /// before the rest is written off (the short shipment resolves as <c>written_off</c> and the
    /// remainder leaves inbound). 0 to 90 days; default 3.
    /// </summary>
    public double ShortShipmentExpiryDays { get; init; } = 3;

    /// <summary>
    /// How long after its promised date a purchase order with no receipt at all stays open before it
    /// is closed as <c>expired</c> and its units leave inbound. 1 to 365 days; default 30.
    /// </summary>
    public double UnreceivedExpiryDays { get; init; } = 30;

    /// <summary>A first receipt at most this long after the promised date counts as on time. 0 to 7 days; default 0.5.</summary>
    public double OnTimeToleranceDays { get; init; } = 0.5;

    /// <summary>How many of a supplier's latest receipts the scorecard's rates and lead-time statistics cover. 2 to 500; default 20.</summary>
    public int ReceiptWindow { get; init; } = 20;

    /// <summary>
    /// How many of the supplier's latest purchase orders (by promised date) with evidence of their
    /// arrival (a receipt, an ASN date, or being overdue) the slip is averaged over. 1 to 50; default 4.
    /// </summary>
    public int SlipEvidencePurchaseOrders { get; init; } = 4;

    /// <summary>The fewest purchase orders with evidence before a slip is judged at all. 1 to 50, at most <see cref="SlipEvidencePurchaseOrders"/>; default 3.</summary>
    public int MinimumSlipEvidence { get; init; } = 3;

    /// <summary>A supplier whose slip reaches this many days late is warned (<c>supplier_slippage</c>). 0.1 to 60 days; default 1.</summary>
    public double SlipWarningDays { get; init; } = 1;

    /// <summary>A warned supplier has recovered once its slip falls below this. 0 to <see cref="SlipWarningDays"/>; default 0.5.</summary>
    public double SlipRecoveredDays { get; init; } = 0.5;

    /// <summary>
    /// The fewest purchase orders with evidence for a trend line (days late against promised date) to
    /// count: a rising trend whose projection for today reaches <see cref="SlipWarningDays"/> warns
    /// before the average does. 3 to 200; default 6.
    /// </summary>
    public int TrendMinimumPurchaseOrders { get; init; } = 6;

    /// <summary>The smallest rise of the trend line, in days late per day of promise, that counts as slipping. 0.01 to 10; default 0.15.</summary>
    public double TrendMinimumSlope { get; init; } = 0.15;

    /// <summary>
    /// How long a purchase order is kept after its last event once it is no longer outstanding
    /// (received, closed short, expired, or never created) and no short shipment is open: past it,
    /// the state is deleted. 1 to 3,650 days; default 60.
    /// </summary>
    public TimeSpan RetainFinishedFor { get; init; } = TimeSpan.FromDays(60);

    /// <summary>Names each invalid setting with its valid range; empty when all are valid.</summary>
    public IEnumerable<string> Problems()
    {
        if (Retention.Problem(nameof(RetainFinishedFor), RetainFinishedFor) is { } retention)
        {
            yield return retention;
        }

        if (ShortShipmentExpiryDays is < 0 or > 90 || double.IsNaN(ShortShipmentExpiryDays))
        {
            yield return $"{nameof(ShortShipmentExpiryDays)} must be from 0 to 90 days (is {ShortShipmentExpiryDays}).";
        }

        if (UnreceivedExpiryDays is < 1 or > 365 || double.IsNaN(UnreceivedExpiryDays))
        {
            yield return $"{nameof(UnreceivedExpiryDays)} must be from 1 to 365 days (is {UnreceivedExpiryDays}).";
        }

        if (OnTimeToleranceDays is < 0 or > 7 || double.IsNaN(OnTimeToleranceDays))
        {
            yield return $"{nameof(OnTimeToleranceDays)} must be from 0 to 7 days (is {OnTimeToleranceDays}).";
        }

        if (ReceiptWindow is < 2 or > 500)
        {
            yield return $"{nameof(ReceiptWindow)} must be from 2 to 500 receipts (is {ReceiptWindow}).";
        }

        if (SlipEvidencePurchaseOrders is < 1 or > 50)
        {
            yield return $"{nameof(SlipEvidencePurchaseOrders)} must be from 1 to 50 purchase orders (is {SlipEvidencePurchaseOrders}).";
        }

        if (MinimumSlipEvidence < 1 || MinimumSlipEvidence > SlipEvidencePurchaseOrders)
        {
            yield return $"{nameof(MinimumSlipEvidence)} must be from 1 to {nameof(SlipEvidencePurchaseOrders)} ({SlipEvidencePurchaseOrders}) (is {MinimumSlipEvidence}).";
        }

        if (SlipWarningDays is < 0.1 or > 60 || double.IsNaN(SlipWarningDays))
        {
            yield return $"{nameof(SlipWarningDays)} must be from 0.1 to 60 days (is {SlipWarningDays}).";
        }

        if (SlipRecoveredDays < 0 || SlipRecoveredDays > SlipWarningDays || double.IsNaN(SlipRecoveredDays))
        {
            yield return $"{nameof(SlipRecoveredDays)} must be from 0 to {nameof(SlipWarningDays)} ({SlipWarningDays}) days (is {SlipRecoveredDays}).";
        }

        if (TrendMinimumPurchaseOrders is < 3 or > 200)
        {
            yield return $"{nameof(TrendMinimumPurchaseOrders)} must be from 3 to 200 purchase orders (is {TrendMinimumPurchaseOrders}).";
        }

        if (TrendMinimumSlope is < 0.01 or > 10 || double.IsNaN(TrendMinimumSlope))
        {
            yield return $"{nameof(TrendMinimumSlope)} must be from 0.01 to 10 days per day (is {TrendMinimumSlope}).";
        }
    }
}
