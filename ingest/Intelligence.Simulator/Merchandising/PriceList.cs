namespace Intelligence.Simulator.Merchandising;

/// <summary>Current list prices, which the weekly price review moves; each channel prices from them.</summary>
internal sealed class PriceList
{
    private readonly decimal[] _list;
    private readonly decimal[] _byChannel;

    public PriceList(Catalogue catalogue)
    {
        _list = [.. catalogue.Skus.Select(s => s.Price)];
        _byChannel = new decimal[_list.Length * SalesChannels.Count];
        for (var sku = 0; sku < _list.Length; sku++)
        {
            Reprice(sku);
        }
    }

    public decimal For(int sku, int channel) => _byChannel[sku * SalesChannels.Count + channel];

    /// <summary>The SKU's list price today: the catalogue price as the price reviews have moved it.</summary>
    public decimal List(int sku) => _list[sku];

    public void Change(int sku, decimal factor)
    {
        _list[sku] = Math.Max(0.99m, decimal.Round(_list[sku] * factor) - 0.01m);
        Reprice(sku);
    }

    private void Reprice(int sku)
    {
        for (var channel = 0; channel < SalesChannels.Count; channel++)
        {
            _byChannel[sku * SalesChannels.Count + channel] = Money.Cents(_list[sku] * SalesChannels.PriceFactor[channel]);
        }
    }
}
