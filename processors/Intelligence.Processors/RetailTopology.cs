using Intelligence.Processors.Alerts;
using Intelligence.Processors.Anomalies;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Finance;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;
using Intelligence.Processors.Margin;
using Intelligence.Processors.Orders;
using Intelligence.Processors.Quality;
using Intelligence.Processors.Returns;
using Intelligence.Processors.Suppliers;

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
            .. OrdersArea.Folds(options.Orders, options.Exceptions, options.Fulfillment, options.Alerts),
            .. SuppliersArea.Folds(options.Suppliers),
            .. ReturnsArea.Folds(options.Returns),
            .. FinanceArea.Folds(options.Finance),
            .. MarginArea.Folds(options.Margin),
            new DataQualityFold(options.Quality),
            new KpiSeriesFold(options.Anomaly),
            new AlertFold(options.Alerts),
        ];
        IRouter[] routers =
        [
            new PurchaseCostRouter(),
            .. InventoryArea.Routers(),
            .. OrdersArea.Routers(),
            .. SuppliersArea.Routers(),
            .. ReturnsArea.Routers(),
            .. FinanceArea.Routers(),
            .. MarginArea.Routers(),
            new SourceActivityRouter(),
        ];
        return new Topology(folds, routers);
    }
}
