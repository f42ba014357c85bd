using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Finance;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;
using Intelligence.Processors.Margin;
using Intelligence.Processors.Quality;

namespace Intelligence.Processors;

/// <summary>The retailer's processors, wired: what both runtimes host.</summary>
public static class RetailTopology
{
    public static Topology Build(ProcessorOptions options)
    {
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        IFold[] folds =
        [
            new ProductFold(),
            .. InventoryArea.Folds(options.Inventory),
            .. FinanceArea.Folds(options.Finance),
            .. MarginArea.Folds(options.Margin),
            new DataQualityFold(options.Quality),
        ];
        IRouter[] routers =
        [
            new PurchaseCostRouter(),
            .. InventoryArea.Routers(),
            .. FinanceArea.Routers(),
            .. MarginArea.Routers(),
            new SourceActivityRouter(),
        ];
        return new Topology(folds, routers);
    }
}
