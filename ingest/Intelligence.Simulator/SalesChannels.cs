namespace Intelligence.Simulator;

/// <summary>The five channels, by index, with the commercial facts that differ between them.</summary>
internal static class SalesChannels
{
    public const int Webstore = 0;
    public const int Amazon = 1;
    public const int Ebay = 2;
    public const int Stores = 3;
    public const int Wholesale = 4;
    public const int Count = 5;

    /// <summary>The channels that show a listing (stock and price) to customers online.</summary>
    public const int OnlineCount = 3;

    public static readonly IReadOnlyList<string> All =
        Array.AsReadOnly(["webstore", "marketplace-amz", "marketplace-ebay", "stores", "wholesale"]);

    /// <summary>Share of orders per channel; wholesale orders are few but large.</summary>
    public static readonly double[] OrderShare = [0.34, 0.24, 0.12, 0.285, 0.015];

    /// <summary>Who takes the money: a PSP for own channels, the marketplace itself, or an invoice for trade.</summary>
    public static readonly string[] Provider = ["stripe", "amazon", "ebay", "adyen", "invoice"];

    /// <summary>Price relative to list: marketplaces carry their fees in the price, trade buys at trade price.</summary>
    public static readonly decimal[] PriceFactor = [1.00m, 1.04m, 0.98m, 1.00m, 0.62m];

    /// <summary>Delivery promise in days.</summary>
    public static readonly int[] PromiseDays = [3, 2, 4, 1, 7];

    /// <summary>Share of the online stock position each channel is allowed to show (a buffer against overselling).</summary>
    public static readonly double[] ListingShare = [1.0, 0.6, 0.3];

    public static bool IsMarketplace(int channel) => channel is Amazon or Ebay;

    /// <summary>Providers that send settlement statements, and how often (days).</summary>
    public static readonly (string Provider, int PeriodDays, decimal FeeRate, decimal FixedFee)[] Settling =
    [
        ("stripe", 1, 0.014m, 0.25m),
        ("adyen", 1, 0.012m, 0.10m),
        ("amazon", 2, 0.15m, 0m),
        ("ebay", 2, 0.11m, 0.30m),
    ];
}
