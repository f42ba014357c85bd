namespace Intelligence.Processors.Suppliers;

/// <summary>
/// How well a receipt matched the ASN it names, line by line: matched units are the smaller of
/// announced and received per SKU, the span the larger. Accuracy is matched over span: 1 when every
/// line arrived exactly as announced, lower for every unit missing, extra or on the wrong line.
/// </summary>
public static class AsnComparison
{
    public static (int Matched, int Span) Of(IReadOnlyDictionary<string, int> announced, IReadOnlyDictionary<string, int> received)
    {
        var matched = 0;
        var span = 0;
        foreach (var (sku, units) in announced)
        {
            var got = received.GetValueOrDefault(sku);
            matched += Math.Min(units, got);
            span += Math.Max(units, got);
        }

        foreach (var (sku, got) in received)
        {
            if (!announced.ContainsKey(sku))
            {
                span += got;
            }
        }

        return (matched, span);
    }
}
