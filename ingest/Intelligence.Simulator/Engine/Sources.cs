namespace Intelligence.Simulator.Engine;

/// <summary>
/// The systems that send events, as the envelope's <c>source</c>: each channel, each node's WMS,
/// the OMS that allocates, the carriers, the ERP, the product information system (PIM) and the
/// suppliers' EDI feed, and the payment providers.
/// </summary>
internal sealed class Sources
{
    public const string OrderManagement = "oms";
    public const string Erp = "erp";
    public const string ProductInformation = "pim";
    public const string SupplierEdi = "supplier-edi";
    public const string SupplierPortal = "supplier-portal";

    public Sources(Catalogue catalogue)
    {
        Locations = [.. catalogue.Locations.Select(l => l.Id.ToLowerInvariant())];
    }

    /// <summary>The WMS (or store system) of each location, e.g. <c>dc-east</c>, <c>3pl-north</c>, <c>store-03</c>.</summary>
    public string[] Locations { get; }

    public static string Channel(int channel) => SalesChannels.All[channel];

    public static string Carrier(string carrier) => carrier switch
    {
        "DHL" => "carrier-dhl",
        "DPD" => "carrier-dpd",
        "UPS" => "carrier-ups",
        "GLS" => "carrier-gls",
        "PalletLine" => "carrier-palletline",
        _ => "carrier-store-courier",
    };
}
