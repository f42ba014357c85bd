using Intelligence.Processors.Finance;
using Intelligence.Processors.Inventory;
using Intelligence.Processors.Margin;
using Intelligence.Processors.Quality;

namespace Intelligence.Processors;

/// <summary>Every processor's settings; configuration section <c>Processors</c>. Each area documents its own.</summary>
public sealed record ProcessorOptions
{
    public InventoryOptions Inventory { get; init; } = new();

    public FinanceOptions Finance { get; init; } = new();

    public MarginOptions Margin { get; init; } = new();

    public DataQualityOptions Quality { get; init; } = new();

    /// <summary>Every invalid setting, named with its valid range.</summary>
    public IEnumerable<string> Problems() =>
        Inventory.Problems().Concat(Finance.Problems()).Concat(Margin.Problems()).Concat(Quality.Problems());
}
