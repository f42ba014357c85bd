namespace Intelligence.Simulator.Orders;

/// <summary>One line of an order as the simulator tracks it.</summary>
internal sealed class OrderLineState(string lineId, int sku, int quantity, decimal unitPrice, decimal discount)
{
    public string LineId => lineId;

    public int Sku => sku;

    public int Quantity => quantity;

    public decimal UnitPrice => unitPrice;

    public decimal Discount => discount;

    /// <summary>What one unit really cost the customer, after the line's discount.</summary>
    public decimal NetUnitPrice => unitPrice - discount / quantity;

    public int Allocated { get; set; }

    public bool Cancelled { get; set; }

    /// <summary>Units still waiting for stock (a backorder).</summary>
    public int Outstanding => Cancelled ? 0 : quantity - Allocated;
}

/// <summary>
/// An order while it is alive in the simulation. Nothing keeps a list of orders: once its last
/// parcel, return or chargeback has happened, nothing refers to it and it is gone.
/// </summary>
internal sealed class Order(string id, int channel, int home, int[] candidates, OrderLineState[] lines)
{
    public string Id => id;

    public int Channel => channel;

    public string ChannelName => SalesChannels.All[channel];

    /// <summary>The node that serves the customer's region (or the store they bought in).</summary>
    public int Home => home;

    /// <summary>Nodes to allocate from, best first.</summary>
    public int[] Candidates => candidates;

    public OrderLineState[] Lines => lines;

    public required string PaymentId { get; init; }

    public string Provider => SalesChannels.Provider[channel];

    public required DateTimeOffset PromisedBy { get; init; }

    public required decimal ShippingCharged { get; init; }

    public required decimal Total { get; init; }

    public bool Cancelled { get; set; }

    /// <summary>Once any parcel is picked the customer can no longer cancel.</summary>
    public bool PickStarted { get; set; }

    public bool ShippingBilled { get; set; }

    public bool ChargedBack { get; set; }

    public List<Parcel> OpenParcels { get; } = new(2);
}
