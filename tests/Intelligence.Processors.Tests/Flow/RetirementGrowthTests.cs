using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Finance;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Orders;
using Intelligence.Processors.Suppliers;
using Intelligence.Processors.Tests.Support;
using Xunit.Abstractions;

namespace Intelligence.Processors.Tests.Flow;

/// <summary>
/// The state of orders, their money, exceptions and purchase orders stops growing with events once
/// finished ones are retired: the whole topology over weeks of simulated trade, with retentions of a
/// day, holds as many such keys at the end as halfway; with retentions longer than the run it keeps
/// every one it ever saw.
/// </summary>
public sealed class RetirementGrowthTests(ITestOutputHelper output)
{
    private const int Events = 160_000;
    private static readonly string[] EntityFolds = ["orders", "order-payments", "exception-queue", "purchase-orders"];
    private static readonly Lazy<List<Contracts.RetailEvent>> Simulated = new(() => SimulatedEvents.Generate(Events));

    [Fact]
    public void With_retention_the_entities_held_do_not_grow_with_events_and_without_it_they_do()
    {
        var day = TimeSpan.FromDays(1);
        var retiring = LiveKeys(new ProcessorOptions
        {
            Orders = new OrdersOptions { RetainFinishedFor = day, ReturnInTransitExpiry = day },
            Finance = new FinanceOptions { RetainFinishedFor = day },
            Suppliers = new SuppliersOptions { RetainFinishedFor = day },
            Exceptions = new ExceptionPolicyOptions { RetainResolvedFor = day },
        });
        var keeping = LiveKeys(new ProcessorOptions());
        var events = Simulated.Value;
        output.WriteLine($"{events.Count:N0} events from {events[0].OccurredAt:u} to {events[^1].OccurredAt:u}");
        output.WriteLine($"live entity keys at each quarter, retention 1 day: {string.Join(", ", retiring)}; defaults: {string.Join(", ", keeping)}");

        Assert.True(retiring[3] <= retiring[1] * 1.15, $"with retention: {retiring[1]:N0} at half, {retiring[3]:N0} at the end");
        Assert.True(keeping[3] >= keeping[1] * 1.6, $"without retention: {keeping[1]:N0} at half, {keeping[3]:N0} at the end");
    }

    /// <summary>Keys held by the entity folds after each quarter of the events.</summary>
    private static long[] LiveKeys(ProcessorOptions options)
    {
        var engine = new FoldEngine(RetailTopology.Build(options));
        var sink = new FoldHarness();
        var events = Simulated.Value;
        var quarters = new long[4];
        for (var i = 0; i < events.Count; i++)
        {
            engine.Process(events[i], sink);
            if ((i + 1) % (events.Count / 4) == 0 && (i + 1) / (events.Count / 4) <= 4)
            {
                quarters[((i + 1) / (events.Count / 4)) - 1] = EntityFolds.Sum(f => (long)engine.Store(f).Count);
            }
        }

        return quarters;
    }
}
