namespace Intelligence.Simulator;

/// <summary>
/// Builds the catalogue for a seed and keeps the index-based facts (who supplies a SKU, how popular it
/// is) that the simulation reads millions of times.
/// </summary>
internal sealed class Assortment
{
    public const int DcEast = 0;
    public const int DcWest = 1;
    public const int ThreePl = 2;
    public const int FirstStore = 3;
    public const int OnlineNodes = 3;

    private static readonly string[] Categories = ["apparel", "footwear", "home", "electronics", "beauty", "outdoor"];

    private static readonly (decimal Low, decimal High)[] CostRange =
        [(5m, 45m), (15m, 70m), (4m, 90m), (9m, 220m), (2m, 28m), (8m, 140m)];

    private static readonly string[][] Adjectives =
    [
        ["Merino", "Linen", "Organic Cotton", "Quilted", "Classic", "Relaxed"],
        ["Leather", "Suede", "Trail", "Everyday", "Waterproof"],
        ["Stoneware", "Oak", "Linen", "Enamel", "Woven"],
        ["Wireless", "Compact", "Smart", "Portable", "Noise-Cancelling"],
        ["Hydrating", "Vitamin C", "Gentle", "Botanical", "Overnight"],
        ["Ultralight", "Insulated", "All-Weather", "Packable", "Trekking"],
    ];

    private static readonly string[][] Nouns =
    [
        ["Crew Jumper", "Oxford Shirt", "Chino", "Parka", "Hoodie", "T-Shirt", "Cardigan"],
        ["Chelsea Boot", "Running Shoe", "Loafer", "Sneaker", "Sandal"],
        ["Serving Bowl", "Side Table", "Duvet Cover", "Table Lamp", "Storage Basket", "Cushion"],
        ["Headphones", "Speaker", "Charger", "Desk Lamp", "Power Bank", "Smartwatch"],
        ["Face Serum", "Cleanser", "Hand Cream", "Lip Balm", "Shampoo"],
        ["Tent", "Backpack", "Sleeping Bag", "Rain Jacket", "Water Bottle", "Head Torch"],
    ];

    private static readonly string[] Colours = ["Black", "Navy", "Sand", "Olive", "Grey", "White", "Rust"];

    private static readonly string[] SupplierNames =
    [
        "Northwind", "Harbour", "Alder", "Brightwater", "Cobalt", "Fieldstone", "Kestrel", "Meridian",
        "Oakridge", "Pennine", "Quayside", "Redfern", "Silverline", "Thistle", "Westbrook",
    ];

    private static readonly string[] SupplierTrades = ["Textiles", "Footwear", "Homeware", "Electronics", "Labs", "Outdoor"];

    private Assortment(int skus, int customers)
    {
        SupplierOf = new int[skus];
        CategoryOf = new int[skus];
        ByRank = new int[skus];
        Popularity = new double[skus];
        CumulativeByRank = new double[skus];
        EndOfLine = new bool[skus];
        CustomerTier = new string[customers];
    }

    public int[] SupplierOf { get; }

    public int[] CategoryOf { get; }

    /// <summary>SKU index by popularity rank (rank 0 sells most).</summary>
    public int[] ByRank { get; }

    /// <summary>Share of all order lines that pick each SKU (by SKU index); sums to 1.</summary>
    public double[] Popularity { get; }

    /// <summary>Running total of popularity by rank, for drawing a SKU with a binary search.</summary>
    public double[] CumulativeByRank { get; }

    /// <summary>SKUs being discontinued: sold while stock lasts, never reordered.</summary>
    public bool[] EndOfLine { get; }

    public string[] CustomerTier { get; }

    public int[] RetailCustomers { get; private set; } = [];

    public int[] TradeCustomers { get; private set; } = [];

    public static Catalogue Build(SimulationOptions options)
    {
        var rng = new Random(Seeds.Derive(options.Seed, Seeds.Catalogue));
        var facts = new Assortment(options.Skus, options.Customers);

        var suppliers = new Supplier[options.Suppliers];
        for (var i = 0; i < suppliers.Length; i++)
        {
            var trade = SupplierTrades[i % Categories.Length];
            var name = $"{SupplierNames[(i / Categories.Length + i * 7) % SupplierNames.Length]} {trade}";
            suppliers[i] = new Supplier($"SUP-{i + 1:D3}", name, rng.Next(2, 7));
        }

        var skus = new Sku[options.Skus];
        for (var s = 0; s < skus.Length; s++)
        {
            var category = rng.Next(Categories.Length);
            var supplier = PickSupplier(rng, category, suppliers.Length);
            var (low, high) = CostRange[category];
            var cost = decimal.Round(low * (decimal)Math.Pow((double)(high / low), rng.NextDouble()), 2);
            var price = Math.Max(decimal.Round(cost * (decimal)(1.9 + rng.NextDouble() * 0.8)) - 0.01m, cost + 0.99m);
            var name = $"{Pick(rng, Adjectives[category])} {Pick(rng, Nouns[category])} {Pick(rng, Colours)}";
            skus[s] = new Sku($"SKU-{s + 1:D5}", name, Categories[category], suppliers[supplier].Id, cost, price);
            facts.CategoryOf[s] = category;
            facts.SupplierOf[s] = supplier;
        }

        facts.RankPopularity(rng);
        var customers = facts.EnrolCustomers(rng);
        var locations = Network(options.Stores);
        return new Catalogue(skus, locations, suppliers, customers, Array.AsReadOnly(Categories), facts);
    }

    /// <summary>Draws a SKU index from the most popular <paramref name="topRanks"/> SKUs, weighted by popularity.</summary>
    public int DrawSku(Random rng, int topRanks)
    {
        var limit = Math.Min(topRanks, ByRank.Length);
        var target = rng.NextDouble() * CumulativeByRank[limit - 1];
        var rank = Array.BinarySearch(CumulativeByRank, 0, limit, target);
        rank = rank < 0 ? ~rank : rank;
        return ByRank[Math.Min(rank, limit - 1)];
    }

    private static int PickSupplier(Random rng, int category, int supplierCount)
    {
        // Suppliers specialise: supplier i makes category i % 6. With fewer suppliers than categories, any will do.
        var specialists = (supplierCount - category + Categories.Length - 1) / Categories.Length;
        return specialists <= 0 ? rng.Next(supplierCount) : category + Categories.Length * rng.Next(specialists);
    }

    private void RankPopularity(Random rng)
    {
        for (var i = 0; i < ByRank.Length; i++)
        {
            ByRank[i] = i;
        }

        rng.Shuffle(ByRank);

        // A long tail: the top fifth of SKUs takes about three quarters of the lines.
        var total = 0.0;
        for (var rank = 0; rank < ByRank.Length; rank++)
        {
            total += 1.0 / (rank + 6);
            CumulativeByRank[rank] = total;
        }

        for (var rank = 0; rank < ByRank.Length; rank++)
        {
            Popularity[ByRank[rank]] = 1.0 / (rank + 6) / total;

            // A few lines outside the best sellers are being run down, some of them still selling well.
            EndOfLine[ByRank[rank]] = rank >= 40 && rng.NextDouble() < (rank < 400 ? 0.05 : 0.01);
        }
    }

    private Customer[] EnrolCustomers(Random rng)
    {
        var customers = new Customer[CustomerTier.Length];
        var retail = new List<int>(customers.Length);
        var trade = new List<int>();
        for (var c = 0; c < customers.Length; c++)
        {
            var roll = rng.NextDouble();
            var tier = c == 0 || roll < 0.01 ? "trade" : roll < 0.04 ? "platinum" : roll < 0.12 ? "gold" : roll < 0.30 ? "silver" : "standard";
            CustomerTier[c] = tier;
            customers[c] = new Customer($"C-{c + 1:D6}", tier);
            (tier == "trade" ? trade : retail).Add(c);
        }

        RetailCustomers = [.. retail];
        TradeCustomers = [.. trade];
        return customers;
    }

    private static Location[] Network(int stores)
    {
        var locations = new Location[FirstStore + stores];
        locations[DcEast] = new Location("DC-EAST", LocationKind.DistributionCentre, "east");
        locations[DcWest] = new Location("DC-WEST", LocationKind.DistributionCentre, "west");
        locations[ThreePl] = new Location("3PL-NORTH", LocationKind.ThirdPartyLogistics, "north");
        for (var i = 0; i < stores; i++)
        {
            locations[FirstStore + i] = new Location($"STORE-{i + 1:D2}", LocationKind.Store, i % 2 == 0 ? "east" : "west");
        }

        return locations;
    }

    /// <summary>The DC that restocks a store: the one in the store's region.</summary>
    public static int SupplyingDc(int storeLocation) => (storeLocation - FirstStore) % 2 == 0 ? DcEast : DcWest;

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];
}
