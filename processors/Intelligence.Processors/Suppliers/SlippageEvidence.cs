namespace Intelligence.Processors.Suppliers;

/// <summary>
/// What the evidence says about a supplier's lateness now. Each purchase order counts once, by its
/// best evidence: its first receipt (days late), else its ASN (expected date less promised date: known
/// days before the goods arrive), else being overdue by at least the warning threshold with nothing
/// received (a lower bound on its lateness). <see cref="RecentSlipDays"/> averages the latest of these
/// by promised date; the trend is a least-squares line of days late against promised date over all of
/// them, read at the latest promise. A supplier has recovered once the recent average is below the
/// recovery threshold and no open purchase order is that late either (by its ASN, or overdue).
/// </summary>
public sealed record SlipAssessment(
    int EvidencePurchaseOrders, double? RecentSlipDays, double? TrendSlopeDaysPerDay, double? TrendSlipDays,
    int Receipts, int Asns, int Overdue, bool Slipping, bool Recovered)
{
    /// <summary>The slip used to project arrivals: the larger of the recent average and a rising trend's reading, never below 0.</summary>
    public double SlipDays { get; init; }

    public string Describe() =>
        $"the latest {EvidencePurchaseOrders} POs by promise average {RecentSlipDays ?? 0:0.0} days late "
        + $"({Receipts} received, {Asns} by ASN date, {Overdue} overdue)"
        + (TrendSlopeDaysPerDay is { } slope ? $"; trend {slope:+0.00;-0.00} days late per day, reading {TrendSlipDays:0.0} days" : "");
}

public static class SlippageEvidence
{
    public static SlipAssessment Assess(SupplierScorecardState state, DateTimeOffset now, SuppliersOptions options)
    {
        var points = new List<(DateTimeOffset PromisedAt, double DaysLate, char Kind)>();
        foreach (var receipt in state.Receipts)
        {
            if (receipt.FirstReceipt)
            {
                points.Add((receipt.PromisedAt, receipt.DaysLate, 'r'));
            }
        }

        var pending = 0.0;
        foreach (var po in state.OpenPurchaseOrders.Values)
        {
            var overdue = (now - po.PromisedAt).TotalDays;
            var announced = po.AsnExpectedAt is { } asn ? (asn - po.PromisedAt).TotalDays : (double?)null;
            pending = Math.Max(pending, Math.Max(overdue, announced ?? 0));
            if (overdue >= options.SlipWarningDays && overdue > (announced ?? double.MinValue))
            {
                points.Add((po.PromisedAt, overdue, 'o'));
            }
            else if (announced is { } late)
            {
                points.Add((po.PromisedAt, late, 'a'));
            }
        }

        points.Sort((x, y) => x.PromisedAt.CompareTo(y.PromisedAt));
        var recent = points.Skip(Math.Max(0, points.Count - options.SlipEvidencePurchaseOrders)).ToList();
        double? recentSlip = recent.Count >= options.MinimumSlipEvidence ? recent.Average(p => p.DaysLate) : null;
        var (slope, reading) = points.Count >= options.TrendMinimumPurchaseOrders ? Trend(points) : (null, null);

        var rising = slope >= options.TrendMinimumSlope && reading >= options.SlipWarningDays
            && recentSlip >= options.SlipRecoveredDays;
        var slipping = recentSlip >= options.SlipWarningDays || rising;
        var slip = Math.Max(0, Math.Max(recentSlip ?? 0, rising ? reading!.Value : 0));
        return new SlipAssessment(
            recent.Count, recentSlip, slope, reading,
            recent.Count(p => p.Kind == 'r'), recent.Count(p => p.Kind == 'a'), recent.Count(p => p.Kind == 'o'),
            slipping, (recentSlip is null || recentSlip < options.SlipRecoveredDays) && pending < options.SlipRecoveredDays)
        {
            SlipDays = Math.Round(slip, 3),
        };
    }

    /// <summary>Least squares of days late on days of promise: the slope, and the line's value at the latest promise.</summary>
    private static (double? Slope, double? Reading) Trend(List<(DateTimeOffset PromisedAt, double DaysLate, char Kind)> points)
    {
        var origin = points[0].PromisedAt;
        var xs = points.Select(p => (p.PromisedAt - origin).TotalDays).ToList();
        var meanX = xs.Average();
        var meanY = points.Average(p => p.DaysLate);
        double sxx = 0, sxy = 0;
        for (var i = 0; i < points.Count; i++)
        {
            sxx += (xs[i] - meanX) * (xs[i] - meanX);
            sxy += (xs[i] - meanX) * (points[i].DaysLate - meanY);
        }

        if (sxx < 1e-9)
        {
            return (null, null); // every promise at the same moment: no line to draw
        }

        var slope = sxy / sxx;
        return (Math.Round(slope, 4), Math.Round(meanY + slope * (xs[^1] - meanX), 4));
    }
}
