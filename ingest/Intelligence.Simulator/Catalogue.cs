namespace Intelligence.Simulator;

/// <summary>A product the retailer sells. <paramref name="Category"/> is its product line.</summary>
public sealed record Sku(string Id, string Name, string Category, string SupplierId, decimal UnitCost, decimal Price);

public enum LocationKind
{
    DistributionCentre,
    Store,
    ThirdPartyLogistics,
}

/// <summary>A node that holds stock: a DC, a store or the 3PL. <paramref name="Region"/> is the delivery area it serves.</summary>
public sealed record Location(string Id, LocationKind Kind, string Region);

public sealed record Supplier(string Id, string Name, int PromisedLeadTimeDays);

public sealed record Customer(string Id, string Tier);

/// <summary>
/// The simulated retailer's master data: what it sells, where it holds stock, where it sells, who
/// supplies it and who buys. Fixed for a given seed and size.
/// </summary>
public sealed class Catalogue
{
    internal Catalogue(
        IReadOnlyList<Sku> skus, IReadOnlyList<Location> locations, IReadOnlyList<Supplier> suppliers,
        IReadOnlyList<Customer> customers, IReadOnlyList<string> categories, Assortment assortment)
    {
        Skus = skus;
        Locations = locations;
        Suppliers = suppliers;
        Customers = customers;
        Categories = categories;
        Assortment = assortment;
    }

    public IReadOnlyList<Sku> Skus { get; }

    /// <summary>DC-EAST, DC-WEST, 3PL-NORTH, then the stores, in that order.</summary>
    public IReadOnlyList<Location> Locations { get; }

    public IReadOnlyList<string> Channels { get; } = SalesChannels.All;

    public IReadOnlyList<Supplier> Suppliers { get; }

    public IReadOnlyList<Customer> Customers { get; }

    /// <summary>The product lines (categories).</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Index-based facts the simulation reads on its hot path.</summary>
    internal Assortment Assortment { get; }
}
