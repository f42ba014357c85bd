using Intelligence.Contracts.Channel;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Catalogue;

/// <summary>
/// Keyed by SKU: keeps the product master and purchase cost, and joins the sales, delivery and
/// return signals of the SKU with its product line, supplier and landed cost before passing them on
/// to margin (keyed SKU|channel|promotion) and returns (keyed by product line). Signals that arrive
/// before the SKU's master record are joined as product line and supplier <c>unknown</c>.
/// </summary>
public sealed class ProductFold : Fold<ProductState>
{
    public const string Unknown = "unknown";

    public override string Name => "products";

    public override IReadOnlyCollection<Type> Consumes { get; } =
    [
        typeof(ProductUpdated), typeof(UnitCostQuoted), typeof(UnitsDelivered), typeof(UnitsReturned), typeof(SalesLedgerEntry),
    ];

    protected override void Apply(ProductState state, in Message message, IOutputs outputs)
    {
        switch (message.Body)
        {
            case ProductUpdated product:
                state.Name = product.Name;
                state.Category = product.Category;
                state.SupplierId = product.SupplierId;
                state.StandardCost = product.UnitCost!.Value;
                state.ListPrice = product.Price!.Value;
                Changed(state, message, outputs);
                break;
            case UnitCostQuoted cost:
                state.PurchasedUnits += cost.Quantity;
                state.PurchasedValue += cost.Quantity * cost.UnitCost;
                Changed(state, message, outputs);
                break;
            case UnitsDelivered delivered:
                outputs.Send(CategoryOf(state), new ReturnsEntry(
                    CategoryOf(state), delivered.Sku, SupplierOf(state), delivered.Channel, delivered.Quantity, 0, null));
                break;
            case UnitsReturned returned:
                outputs.Send(CategoryOf(state), new ReturnsEntry(
                    CategoryOf(state), returned.Sku, SupplierOf(state), returned.Channel, 0, returned.Quantity, returned.Reason));
                break;
            case SalesLedgerEntry entry:
                outputs.Send(MarginEntry.KeyOf(entry.Sku, entry.Channel, entry.PromotionId), new MarginEntry(
                    entry.Sku, CategoryOf(state), entry.Channel, entry.PromotionId, entry.Kind, entry.Units, entry.Amount,
                    CogsOf(state, entry)));
                break;
        }
    }

    private static decimal CogsOf(ProductState state, SalesLedgerEntry entry) => entry.Kind switch
    {
        LedgerKinds.Revenue => entry.Units * state.LandedCost,
        LedgerKinds.Restocked => -entry.Units * state.LandedCost,
        _ => 0m,
    };

    private static string CategoryOf(ProductState state) => state.Category ?? Unknown;

    private static string SupplierOf(ProductState state) => state.SupplierId ?? Unknown;

    private static void Changed(ProductState state, in Message message, IOutputs outputs)
    {
        if (message.At > state.UpdatedAt)
        {
            state.UpdatedAt = message.At;
        }

        if (state.Category is null)
        {
            return; // costs seen before the master record: written once the record arrives
        }

        outputs.Write(new ProductRow(message.Key, state.Name!, state.Category, state.SupplierId!, state.StandardCost,
            state.LandedCost, state.LandedCost - state.StandardCost, state.ListPrice, state.PurchasedUnits, state.UpdatedAt)
        {
            Revision = state.Revision,
        });
    }
}
