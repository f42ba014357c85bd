using Intelligence.Contracts.Supplier;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Suppliers;

/// <summary>
/// Keyed by PO id: follows a purchase order from <c>po.created</c> through its ASNs to its receipts.
/// Tells the stock position of each SKU at the location what is inbound (<see cref="InboundChanged"/>,
/// keyed SKU@location), raises <c>supplier_short_shipment</c> when a receipt leaves the order short,
/// and tells the supplier's scorecard (keyed by supplier id) what was promised, announced and received.
/// In the simulator a PO gets at most one ASN and exactly one receipt; several of each are handled.
/// </summary>
public sealed class PurchaseOrderFold(SuppliersOptions options) : Fold<PurchaseOrderState>
{
    public const string FoldName = "purchase-orders";

    public override string Name => FoldName;

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(PurchaseOrderCreated), typeof(AsnSent), typeof(PurchaseOrderReceived)];

    protected override void Apply(PurchaseOrderState state, in Message message, IOutputs outputs)
    {
        var redated = false;
        switch (message.Body)
        {
            case PurchaseOrderCreated po:
                redated = Create(state, po, message, outputs);
                break;
            case AsnSent asn:
                redated = Announce(state, asn, message.Key, outputs);
                break;
            case PurchaseOrderReceived receipt:
                Receive(state, receipt, message, outputs);
                break;
        }

        if (message.At > state.UpdatedAt)
        {
            state.UpdatedAt = message.At;
        }

        Finish(state, message.Key, redated, outputs);
    }

    protected override DateTimeOffset? DueAt(PurchaseOrderState state) => state switch
    {
        { Created: false } => null,
        { Status: PurchaseOrderStatuses.ReceivedShort, ShortSince: { } since } => since.AddDays(options.ShortShipmentExpiryDays),
        { Status: PurchaseOrderStatuses.Open or PurchaseOrderStatuses.InTransit, FirstReceivedAt: null } =>
            state.PromisedAt.AddDays(options.UnreceivedExpiryDays),
        _ => null,
    };

    /// <summary>Once no longer outstanding and with no short shipment open, kept <see cref="SuppliersOptions.RetainFinishedFor"/>.</summary>
    protected override DateTimeOffset? RetireAt(PurchaseOrderState state) =>
        Retention.After(!state.Outstanding && !state.ShortShipmentOpen, state.UpdatedAt, options.RetainFinishedFor);

    protected override void Tick(PurchaseOrderState state, string key, DateTimeOffset now, IOutputs outputs)
    {
        if (state.Status == PurchaseOrderStatuses.ReceivedShort)
        {
            state.Status = PurchaseOrderStatuses.ClosedShort;
            state.ShortSince = null;
            ShortShipments.Resolve(state, key, "written_off", outputs);
        }
        else if (state.FirstReceivedAt is null && state.Status is PurchaseOrderStatuses.Open or PurchaseOrderStatuses.InTransit)
        {
            state.Status = PurchaseOrderStatuses.Expired;
            outputs.Send(state.SupplierId!, new PurchaseOrderClosed(state.SupplierId!, key, state.Status));
        }
        else
        {
            return;
        }

        state.UpdatedAt = now;
        Finish(state, key, false, outputs);
    }

    private static bool Create(PurchaseOrderState state, PurchaseOrderCreated po, in Message message, IOutputs outputs)
    {
        var amended = state.Created;
        var redated = amended && state.PromisedAt != po.PromisedAt!.Value;
        if (!amended)
        {
            state.CreatedAt = message.At;
        }

        state.Created = true;
        state.SupplierId = po.SupplierId!;
        state.Location = po.Location!;
        state.PromisedAt = po.PromisedAt!.Value;
        foreach (var line in state.Lines.Values)
        {
            line.Ordered = 0; // an amended order replaces its lines
        }

        foreach (var line in po.Lines!)
        {
            state.Line(line.Sku!).Ordered += line.Quantity!.Value;
        }

        if (state.FirstReceivedAt is null)
        {
            var skus = po.Lines.Select(l => l.Sku!).Distinct(StringComparer.Ordinal).ToList();
            outputs.Send(state.SupplierId, new PurchaseOrderOpened(
                state.SupplierId, message.Key, state.Location, skus, state.OrderedUnits, state.CreatedAt, state.PromisedAt));
        }
        else if (!amended && state.FirstReceivedAt is { } arrived)
        {
            // Goods booked in before the order was seen: judge them now, as one receipt.
            var wentShort = ShortShipments.Judge(state, message.Key, message.At, outputs);
            outputs.Send(state.SupplierId, new PurchaseOrderReceipt(
                state.SupplierId, message.Key, state.Location, true, arrived, state.CreatedAt, state.PromisedAt, state.OrderedUnits,
                state.ReceivedUnits, state.DamagedUnits, state.AsnMatchedUnits, state.AsnSpanUnits, wentShort));
        }

        return redated;
    }

    private static bool Announce(PurchaseOrderState state, AsnSent asn, string poId, IOutputs outputs)
    {
        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in asn.Lines!)
        {
            units[line.Sku!] = units.GetValueOrDefault(line.Sku!) + line.Quantity!.Value;
            state.Line(line.Sku!).Asn += line.Quantity.Value;
        }

        state.Asns[asn.AsnId!] = units;
        state.SupplierId ??= asn.SupplierId!;
        state.Location ??= asn.Location!;
        var redated = state.AsnExpectedAt != asn.ExpectedAt!.Value;
        state.AsnExpectedAt = asn.ExpectedAt.Value;
        if (state.Status == PurchaseOrderStatuses.Open)
        {
            state.Status = PurchaseOrderStatuses.InTransit;
        }

        if (state.Created)
        {
            outputs.Send(state.SupplierId, new AsnAnnounced(
                state.SupplierId, poId, asn.AsnId!, units.Values.Sum(), state.AsnExpectedAt.Value, state.PromisedAt));
        }

        return redated;
    }

    private static void Receive(PurchaseOrderState state, PurchaseOrderReceived receipt, in Message message, IOutputs outputs)
    {
        var first = state.FirstReceivedAt is null;
        state.FirstReceivedAt ??= message.At;
        state.LastReceivedAt = message.At;
        state.SupplierId ??= receipt.SupplierId!;
        state.Location ??= receipt.Location!;
        var received = new Dictionary<string, int>(StringComparer.Ordinal);
        var damaged = 0;
        foreach (var line in receipt.Lines!)
        {
            var figures = state.Line(line.Sku!);
            figures.Received += line.Quantity!.Value;
            figures.Damaged += line.Damaged ?? 0;
            damaged += line.Damaged ?? 0;
            received[line.Sku!] = received.GetValueOrDefault(line.Sku!) + line.Quantity.Value;
        }

        var (matched, span) = receipt.AsnId is { } asnId && state.Asns.TryGetValue(asnId, out var announced)
            ? AsnComparison.Of(announced, received)
            : (0, 0);
        state.AsnMatchedUnits += matched;
        state.AsnSpanUnits += span;
        if (!state.Created)
        {
            return; // judged, and told to the scorecard, once po.created arrives
        }

        var wentShort = ShortShipments.Judge(state, message.Key, message.At, outputs);
        outputs.Send(state.SupplierId, new PurchaseOrderReceipt(
            state.SupplierId, message.Key, state.Location, first, message.At, state.CreatedAt, state.PromisedAt,
            first ? state.OrderedUnits : 0, received.Values.Sum(), damaged, matched, span, wentShort));
    }

    /// <summary>Brings inventory's inbound for each line to what is still outstanding, and writes the row.</summary>
    private static void Finish(PurchaseOrderState state, string poId, bool redated, IOutputs outputs)
    {
        if (!state.Created)
        {
            return;
        }

        var expected = state.AsnExpectedAt ?? state.PromisedAt;
        foreach (var (sku, line) in state.Lines)
        {
            var target = state.Outstanding ? Math.Max(0, line.Ordered - line.Received) : 0;
            var delta = target - line.Inbound;
            if (delta != 0 || (redated && target > 0))
            {
                line.Inbound = target;
                outputs.Send(StockKeys.Of(sku, state.Location!), new InboundChanged(sku, state.Location!, delta, expected, poId));
            }
        }

        outputs.Write(PurchaseOrderRow.Of(poId, state));
    }
}
