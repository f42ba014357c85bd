using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Catalogue;

/// <summary>The product master of one SKU and the purchase cost seen on its POs.</summary>
public sealed class ProductState : FoldState
{
    public string? Name { get; set; }
    public string? Category { get; set; }
    public string? SupplierId { get; set; }
    public decimal StandardCost { get; set; }
    public decimal ListPrice { get; set; }
    public long PurchasedUnits { get; set; }
    public decimal PurchasedValue { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Weighted average unit cost over purchase-order lines; the standard cost until a PO is seen.</summary>
    public decimal LandedCost => PurchasedUnits > 0 ? decimal.Round(PurchasedValue / PurchasedUnits, 4) : StandardCost;
}
