namespace Intelligence.Simulator.Engine;

/// <summary>The business documents the retailer numbers.</summary>
internal enum Document
{
    Order,
    Payment,
    Shipment,
    Return,
    Refund,
    Chargeback,
    PurchaseOrder,
    Asn,
    Transfer,
    Settlement,
    Payout,
    Promotion,
}

/// <summary>Readable, sequential document numbers such as <c>O-000123</c>; the same every run.</summary>
internal sealed class IdSequence
{
    private static readonly string[] Prefixes = ["O-", "PAY-", "SH-", "R-", "RF-", "CB-", "PO-", "ASN-", "TR-", "ST-", "PAYOUT-", "PROMO-"];

    private readonly long[] _last = new long[Prefixes.Length];

    public string Next(Document document)
    {
        var n = ++_last[(int)document];
        return $"{Prefixes[(int)document]}{n:D6}";
    }
}
