using Intelligence.Processors.Alerts;
using Intelligence.Processors.Anomalies;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Finance;
using Intelligence.Processors.Fulfillment;
using Intelligence.Processors.Inventory;
using Intelligence.Processors.Margin;
using Intelligence.Processors.Orders;
using Intelligence.Processors.Quality;
using Intelligence.Processors.Returns;
using Intelligence.Processors.Suppliers;

namespace Intelligence.Processors;

/// <summary>Every processor's settings; configuration section <c>Processors</c>. Each area's page in docs/processors documents its own.</summary>
public sealed record ProcessorOptions
{
    public InventoryOptions Inventory { get; init; } = new();

    public OrdersOptions Orders { get; init; } = new();

    public ExceptionPolicyOptions Exceptions { get; init; } = new();

    public FulfillmentOptions Fulfillment { get; init; } = new();

    public SuppliersOptions Suppliers { get; init; } = new();

    public ReturnsOptions Returns { get; init; } = new();

    public FinanceOptions Finance { get; init; } = new();

    public MarginOptions Margin { get; init; } = new();

    public DataQualityOptions Quality { get; init; } = new();

    public AnomalyOptions Anomaly { get; init; } = new();

    public AlertOptions Alerts { get; init; } = new();

    /// <summary>Every invalid setting, named with its valid range.</summary>
    public IEnumerable<string> Problems() =>
        Inventory.Problems()
            .Concat(OrdersArea.Problems(Orders, Exceptions, Fulfillment))
            .Concat(Suppliers.Problems())
            .Concat(Returns.Problems())
            .Concat(Finance.Problems())
            .Concat(Margin.Problems())
            .Concat(Quality.Problems())
            .Concat(Anomaly.Problems())
            .Concat(Alerts.Problems());
}
