using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Finance;

/// <summary>
/// Reconciliation of one order: what was captured, refunded and charged back against what the
/// provider's statements settled, the status that follows, and the <c>unreconciled_settlement</c>
/// exception once the settlement is overdue.
/// </summary>
internal static class SettlementMatching
{
    /// <summary>|captured − settled sales| + |refunded − settled refunds| + |chargebacks − settled chargebacks|. Adjustments are the provider's own corrections and are not counted.</summary>
    public static decimal Unreconciled(OrderPaymentsState s) =>
        Math.Abs(s.Captured - s.SettledSales) + Math.Abs(s.Refunded - s.SettledRefunds) + Math.Abs(s.Chargebacks - s.SettledChargebacks);

    public static bool Matches(OrderPaymentsState s, FinanceOptions options) =>
        Math.Abs(s.Captured - s.SettledSales) <= options.MatchTolerance
        && Math.Abs(s.Refunded - s.SettledRefunds) <= options.MatchTolerance
        && Math.Abs(s.Chargebacks - s.SettledChargebacks) <= options.MatchTolerance;

    public static bool Excluded(OrderPaymentsState s, FinanceOptions options) => options.IsInvoiced(s.Channel, s.Provider);

    /// <summary>Any money to reconcile: a movement of the order's or a line of a statement.</summary>
    public static bool HasMoney(OrderPaymentsState s) => s.LastMovementAt is not null;

    /// <summary>When the settlement of an unmatched order becomes overdue; null when nothing is awaited.</summary>
    public static DateTimeOffset? DueAt(OrderPaymentsState s, FinanceOptions options) =>
        Excluded(s, options) || s.ExceptionOpen || !HasMoney(s) || Matches(s, options) ? null : s.LastMovementAt + options.DueAfter(s.Provider);

    /// <summary>
    /// Pairs captures with the statement sale lines that settle them (an equal amount first, else the
    /// earliest), whichever arrived first, and reports each pair's lag in hours (capture to report).
    /// </summary>
    public static IReadOnlyList<double> Pair(OrderPaymentsState s)
    {
        if (!s.SaleLines.Exists(static l => l.PairedAt is null))
        {
            return []; // every statement line is paired already: the common case, asked on every input
        }

        var lags = new List<double>();
        foreach (var line in s.SaleLines.Where(l => l.PairedAt is null).OrderBy(l => l.At).ToList())
        {
            var open = s.Captures.Where(c => c.PairedAt is null).OrderBy(c => c.At).ToList();
            var capture = open.Find(c => c.Amount == line.Amount) ?? open.FirstOrDefault();
            if (capture is null)
            {
                break;
            }

            capture.PairedAt = line.At;
            line.PairedAt = capture.At;
            var lag = Math.Max(0, (line.At - capture.At).TotalHours);
            lags.Add(lag);
            s.SettlementLagHours = Math.Max(s.SettlementLagHours ?? 0, lag);
            s.SettledAt = s.SettledAt is { } settled && settled > line.At ? settled : line.At;
        }

        return lags;
    }

    /// <summary>The status after an input; an open exception is resolved once the order matches (or turns out to be invoiced).</summary>
    public static void Review(OrderPaymentsState s, string orderId, FinanceOptions options, IOutputs outputs)
    {
        var id = ExceptionRaised.IdOf(ExceptionCategories.UnreconciledSettlement, orderId);
        if (Excluded(s, options) || (!HasMoney(s) && s.Cancelled))
        {
            s.Status = ReconciliationStatus.NotApplicable;
        }
        else if (!HasMoney(s))
        {
            s.Status = ReconciliationStatus.Pending;
        }
        else if (Matches(s, options))
        {
            s.Status = ReconciliationStatus.Matched;
        }
        else
        {
            s.Status = s.ExceptionOpen ? ReconciliationStatus.Unreconciled : ReconciliationStatus.Pending;
            if (s.ExceptionOpen && Unreconciled(s) != s.RaisedAmount)
            {
                Raise(s, orderId, outputs); // an open exception is updated with the new figures
            }

            return;
        }

        if (s.ExceptionOpen)
        {
            s.ExceptionOpen = false;
            outputs.Send(id, new ExceptionResolved(id, s.Status == ReconciliationStatus.Matched ? "settled" : "not_applicable"));
        }
    }

    /// <summary>The settlement is overdue and still differs: the order is unreconciled.</summary>
    public static void Overdue(OrderPaymentsState s, string orderId, FinanceOptions options, IOutputs outputs)
    {
        if (Excluded(s, options) || s.ExceptionOpen || !HasMoney(s) || Matches(s, options))
        {
            return;
        }

        s.Status = ReconciliationStatus.Unreconciled;
        Raise(s, orderId, outputs);
    }

    private static void Raise(OrderPaymentsState s, string orderId, IOutputs outputs)
    {
        s.ExceptionOpen = true;
        s.RaisedAmount = Unreconciled(s);
        var id = ExceptionRaised.IdOf(ExceptionCategories.UnreconciledSettlement, orderId);
        var moved = s.Captured + s.Refunded + s.Chargebacks;
        var risk = (double)Math.Min(1m, s.RaisedAmount / Math.Max(moved, 0.01m));
        var context = new ExceptionContext(Channel: s.Channel, OrderValue: s.Placed ? s.OrderValue : Math.Max(s.Authorized, s.Captured), Risk: risk);
        var detail = $"{s.Provider ?? OrderPaymentsFold.Unknown}: captured {s.Captured:0.00} vs settled {s.SettledSales:0.00}, "
            + $"refunded {s.Refunded:0.00} vs {s.SettledRefunds:0.00}, chargebacks {s.Chargebacks:0.00} vs {s.SettledChargebacks:0.00}; "
            + $"{s.RaisedAmount:0.00} unreconciled";
        outputs.Send(id, new ExceptionRaised(id, ExceptionCategories.UnreconciledSettlement, "order", orderId, context, detail));
    }
}
