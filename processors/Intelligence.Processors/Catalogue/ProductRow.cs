using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Catalogue;

/// <summary>A row of <c>products</c>: the product master with landed cost and its variance to standard.</summary>
public sealed record ProductRow(
    string Sku, string Name, string Category, string SupplierId, decimal StandardCost, decimal LandedCost,
    decimal LandedCostVariance, decimal ListPrice, long PurchasedUnits, DateTimeOffset UpdatedAt) : StateRow
{
    public const string TableName = "products";

    public override string Table => TableName;

    public override string RowKey => Sku;
}
