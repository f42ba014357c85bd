using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Supplier;
using Intelligence.Simulator;

namespace Intelligence.Processors.Streamiz.Tests.Support;

/// <summary>The simulator's events as ingest accepts them (bad input refused, duplicates kept out).</summary>
public static class SimulatedEvents
{
    /// <summary>
    /// <paramref name="events"/> simulator inputs read back; with <paramref name="productMaster"/>, first the
    /// product master (PIM) record of every SKU the purchase orders buy, which the simulator does not send.
    /// </summary>
    public static List<RetailEvent> Generate(int events, bool productMaster = true, int seed = 42)
    {
        var simulator = new RetailSimulator(new SimulationOptions
        {
            Events = events,
            Seed = seed,
            Scenarios = Enum.GetValues<Scenario>().ToHashSet(),
            BadInput = BadInputOptions.None,
        });
        var reader = new EventReader(new EventReaderOptions(), simulator.Clock);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var accepted = simulator.Generate()
            .Select(input => reader.Read(input.Json).Accepted)
            .OfType<RetailEvent>()
            .Where(e => seen.Add(e.Id))
            .ToList();
        if (!productMaster || accepted.Count == 0)
        {
            return accepted;
        }

        var bought = accepted.Select(e => e.Payload).OfType<PurchaseOrderCreated>()
            .SelectMany(po => po.Lines!).Select(l => l.Sku!).ToHashSet(StringComparer.Ordinal);
        var at = accepted[0].OccurredAt.AddMinutes(-1);
        var master = simulator.Catalogue.Skus.Where(s => bought.Contains(s.Id)).Select(s => TestEvents.Of(s.Id, new ProductUpdated
        {
            Sku = s.Id, Name = s.Name, Category = s.Category, SupplierId = s.SupplierId, UnitCost = s.UnitCost, Price = s.Price,
            Currency = "EUR",
        }, at, "pim", $"evt-pim-{s.Id}"));
        return [.. master, .. accepted];
    }
}
