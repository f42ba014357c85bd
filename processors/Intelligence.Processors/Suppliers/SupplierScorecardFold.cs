using Intelligence.Contracts.Supplier;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Anomalies;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Suppliers;

/// <summary>
/// Keyed by supplier id: the supplier's scorecard (lead time promised and actual with its spread,
/// on-time rate, fill rate, ASN accuracy, short shipments, damage) over its latest receipts, and the
/// early warning of slippage. As soon as the evidence (late ASNs, overdue or late receipts, a rising
/// trend) puts the supplier's slip at the warning threshold, it raises <c>supplier_slippage</c> and
/// writes a <c>supplier_warnings</c> row for each open purchase order at risk; it resolves once the
/// slip falls back below the recovery threshold.
/// </summary>
public sealed class SupplierScorecardFold(SuppliersOptions options) : Fold<SupplierScorecardState>
{
    public const string FoldName = "supplier-scorecards";

    public override string Name => FoldName;

    public override IReadOnlyCollection<Type> Consumes { get; } =
    [
        typeof(LeadTimePromised), typeof(PurchaseOrderOpened), typeof(AsnAnnounced), typeof(PurchaseOrderReceipt), typeof(PurchaseOrderClosed),
    ];

    protected override void Apply(SupplierScorecardState state, in Message message, IOutputs outputs)
    {
        var now = message.At > message.StreamTime ? message.At : message.StreamTime;
        switch (message.Body)
        {
            case LeadTimePromised promise when promise.Sku is null:
                state.StatedLeadDays = promise.LeadTimeDays!.Value;
                break;
            case LeadTimePromised promise:
                state.SkuLeadDays[promise.Sku!] = promise.LeadTimeDays!.Value;
                break;
            case PurchaseOrderOpened po:
                state.OpenPurchaseOrders[po.PoId] = new OpenPurchaseOrder
                {
                    Location = po.Location, Skus = [.. po.Skus], OrderedUnits = po.OrderedUnits, CreatedAt = po.CreatedAt,
                    PromisedAt = po.PromisedAt,
                };
                if (state.Warning is { } warning && !warning.PoIds.Contains(po.PoId))
                {
                    warning.PoIds.Add(po.PoId);
                }

                break;
            case AsnAnnounced asn when state.OpenPurchaseOrders.TryGetValue(asn.PoId, out var po):
                po.AsnExpectedAt = asn.ExpectedAt;
                break;
            case PurchaseOrderReceipt receipt:
                Receive(state, receipt, message.Key, now, outputs);
                break;
            case PurchaseOrderClosed closed:
                Leave(state, message.Key, closed.PoId, WarnedPurchaseOrderStatuses.Closed, null, now, outputs);
                break;
        }

        if (message.At > state.UpdatedAt)
        {
            state.UpdatedAt = message.At;
        }

        Assess(state, message.Key, now, outputs);
    }

    /// <summary>Next time an open PO without a receipt becomes overdue enough to count as evidence.</summary>
    protected override DateTimeOffset? DueAt(SupplierScorecardState state)
    {
        DateTimeOffset? due = null;
        foreach (var po in state.OpenPurchaseOrders.Values)
        {
            var at = po.PromisedAt.AddDays(options.SlipWarningDays);
            if (at > state.AssessedAt && (due is null || at < due))
            {
                due = at;
            }
        }

        return due;
    }

    protected override void Tick(SupplierScorecardState state, string key, DateTimeOffset now, IOutputs outputs) =>
        Assess(state, key, now, outputs);

    private void Receive(SupplierScorecardState state, PurchaseOrderReceipt receipt, string supplierId, DateTimeOffset now, IOutputs outputs)
    {
        var entity = KpiEntity.Of("supplier", supplierId);
        var at = receipt.ReceivedAt;
        var sample = new ReceiptSample
        {
            PoId = receipt.PoId, FirstReceipt = receipt.FirstReceipt, CreatedAt = receipt.CreatedAt, PromisedAt = receipt.PromisedAt,
            ReceivedAt = at, OrderedUnits = receipt.OrderedUnits, ReceivedUnits = receipt.ReceivedUnits,
            DamagedUnits = receipt.DamagedUnits, AsnMatchedUnits = receipt.AsnMatchedUnits, AsnSpanUnits = receipt.AsnSpanUnits,
            WentShort = receipt.WentShort,
        };
        sample.OnTime = sample.DaysLate <= options.OnTimeToleranceDays;
        if (receipt.FirstReceipt)
        {
            Leave(state, supplierId, receipt.PoId, WarnedPurchaseOrderStatuses.Arrived, at, now, outputs);
            state.PurchaseOrdersReceived++;
            state.PurchaseOrdersOnTime += sample.OnTime ? 1 : 0;
            outputs.Count("po_received", entity, at, 1);
            outputs.Count("po_on_time", entity, at, sample.OnTime ? 1 : 0);
            outputs.Count("units_ordered", entity, at, receipt.OrderedUnits);
            outputs.Count("lead_time_days", entity, at, Math.Round(sample.LeadDays, 4));
            outputs.Count("days_late", entity, at, Math.Round(sample.DaysLate, 4));
            new KpiObserved(KpiFamilies.LeadTime.Name, entity, Math.Round(sample.DaysLate, 4),
                Drivers: [new KpiDriver($"po:{receipt.PoId}", Math.Round(sample.DaysLate, 4))],
                Note: $"PO {receipt.PoId} received {sample.LeadDays:0.#} days after it was raised").SendTo(outputs);
        }

        state.ShortShipments += receipt.WentShort ? 1 : 0;
        outputs.Count("units_received", entity, at, receipt.ReceivedUnits);
        outputs.Count("units_damaged", entity, at, receipt.DamagedUnits);
        if (receipt.WentShort)
        {
            outputs.Count("po_short_shipped", entity, at, 1);
        }

        state.Receipts.Add(sample);
        if (state.Receipts.Count > options.ReceiptWindow)
        {
            state.Receipts.RemoveRange(0, state.Receipts.Count - options.ReceiptWindow);
        }
    }

    /// <summary>A PO arrived or closed: no longer open; if a warning named it, its row says how it ended.</summary>
    private void Leave(
        SupplierScorecardState state, string supplierId, string poId, string status, DateTimeOffset? arrivedAt, DateTimeOffset now,
        IOutputs outputs)
    {
        if (!state.OpenPurchaseOrders.Remove(poId, out var po))
        {
            return;
        }

        if (state.Warning is { } warning && warning.PoIds.Remove(poId))
        {
            var slip = SlippageEvidence.Assess(state, now, options);
            outputs.Write(SupplierWarningRow.Of(supplierId, poId, po, warning, slip, status, now, arrivedAt, state.Revision));
        }
    }

    private void Assess(SupplierScorecardState state, string supplierId, DateTimeOffset now, IOutputs outputs)
    {
        state.AssessedAt = now;
        var slip = SlippageEvidence.Assess(state, now, options);
        var id = ExceptionRaised.IdOf(ExceptionCategories.SupplierSlippage, supplierId);
        if (state.Warning is null && slip.Slipping)
        {
            state.Warning = new SlippageWarning
            {
                WarningId = $"{supplierId}:{now:yyyyMMddTHHmm}", OpenedAt = now, RaisedSlipDays = slip.SlipDays,
                PoIds = [.. state.OpenPurchaseOrders.Keys],
            };
            Raise(state, supplierId, id, slip, outputs);
        }
        else if (state.Warning is not null && slip.Recovered)
        {
            WriteWarning(state, supplierId, slip, WarnedPurchaseOrderStatuses.Cleared, now, outputs);
            state.Warning = null;
            outputs.Send(id, new ExceptionResolved(id, "recovered"));
        }
        else if (state.Warning is { } raised && slip.SlipDays >= raised.RaisedSlipDays + 1)
        {
            raised.RaisedSlipDays = slip.SlipDays; // a day worse than last said: update the queue's detail and risk
            Raise(state, supplierId, id, slip, outputs);
        }

        if (state.Warning is not null)
        {
            WriteWarning(state, supplierId, slip, WarnedPurchaseOrderStatuses.AtRisk, now, outputs);
        }

        outputs.Write(SupplierScorecardRow.Of(supplierId, state, slip));
    }

    private static void WriteWarning(
        SupplierScorecardState state, string supplierId, SlipAssessment slip, string status, DateTimeOffset now, IOutputs outputs)
    {
        foreach (var poId in state.Warning!.PoIds)
        {
            if (!state.OpenPurchaseOrders.TryGetValue(poId, out var po))
            {
                continue;
            }

            outputs.Write(SupplierWarningRow.Of(supplierId, poId, po, state.Warning, slip, status, now, null, state.Revision));
        }
    }

    private static void Raise(SupplierScorecardState state, string supplierId, string id, SlipAssessment slip, IOutputs outputs)
    {
        var lead = state.Receipts.Where(r => r.FirstReceipt).Select(r => r.PromisedLeadDays).DefaultIfEmpty(state.StatedLeadDays ?? 1).Average();
        var atRisk = state.Warning!.PoIds
            .Where(state.OpenPurchaseOrders.ContainsKey)
            .Select(p => (PoId: p, Po: state.OpenPurchaseOrders[p]))
            .OrderBy(p => p.Po.PromisedAt)
            .Select(p => $"{p.PoId} (promised {p.Po.PromisedAt:yyyy-MM-dd HH:mm}, projected {(p.Po.AsnExpectedAt ?? p.Po.PromisedAt.AddDays(slip.SlipDays)):yyyy-MM-dd HH:mm})")
            .ToList();
        outputs.Send(id, new ExceptionRaised(
            id, ExceptionCategories.SupplierSlippage, "supplier", supplierId,
            new ExceptionContext(SupplierId: supplierId, Risk: Math.Round(Math.Clamp(slip.SlipDays / Math.Max(1, lead), 0, 1), 3)),
            $"{supplierId} is slipping {slip.SlipDays:0.0} days: {slip.Describe()}. {atRisk.Count} open POs at risk"
            + (atRisk.Count == 0 ? "." : $": {string.Join(", ", atRisk.Take(10))}" + (atRisk.Count > 10 ? ", ..." : "."))));
    }
}
