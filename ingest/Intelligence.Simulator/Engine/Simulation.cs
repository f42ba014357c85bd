using System.Runtime.CompilerServices;
using Intelligence.Contracts;
using Intelligence.Simulator.Finance;
using Intelligence.Simulator.Inventory;
using Intelligence.Simulator.Merchandising;
using Intelligence.Simulator.Orders;
using Intelligence.Simulator.Planning;
using Intelligence.Simulator.Scenarios;

namespace Intelligence.Simulator.Engine;

/// <summary>
/// One run of the simulated retailer: its calendar, its books and the events it has produced but not
/// yet handed on. Everything random draws from one seeded generator, in calendar order.
/// </summary>
internal sealed class Simulation : IDisposable
{
    public Simulation(SimulationOptions options, Catalogue catalogue, RunPlan plan, ScenarioPlan scenarios)
    {
        Catalogue = catalogue;
        Assortment = catalogue.Assortment;
        Plan = plan;
        Scenarios = scenarios;
        Rng = new Random(Seeds.Derive(options.Seed, Seeds.World));
        Timeline = new Timeline(plan.Start);
        Outbox = new EventOutbox(options.Seed);
        Sources = new Sources(catalogue);
        Stock = new StockBook(this);
        Picking = new PickingCapacity(plan, scenarios);
        Prices = new PriceList(catalogue);
        Listings = new ListingFeed(this);
        Settlements = new SettlementDesk();
        SkuIds = [.. catalogue.Skus.Select(s => s.Id)];
        LocationIds = [.. catalogue.Locations.Select(l => l.Id)];
        SupplierIds = [.. catalogue.Suppliers.Select(s => s.Id)];
        CustomerIds = [.. catalogue.Customers.Select(c => c.Id)];
        SupplierLeadDays = [.. catalogue.Suppliers.Select(s => s.PromisedLeadTimeDays)];
        SkuLeadDays = new int[plan.Skus];
    }

    public Catalogue Catalogue { get; }

    public Assortment Assortment { get; }

    public RunPlan Plan { get; }

    public ScenarioPlan Scenarios { get; }

    public Random Rng { get; }

    // Ids by index as plain arrays: the hot path reads them for every event.
    public string[] SkuIds { get; }

    public string[] LocationIds { get; }

    public string[] SupplierIds { get; }

    public string[] CustomerIds { get; }

    public Timeline Timeline { get; }

    public Sources Sources { get; }

    public IdSequence Ids { get; } = new();

    public StockBook Stock { get; }

    public PickingCapacity Picking { get; }

    public PriceList Prices { get; }

    public PromotionBook Promotions { get; } = new();

    public ListingFeed Listings { get; }

    public SettlementDesk Settlements { get; }

    /// <summary>Each supplier's current lead-time promise, in days.</summary>
    public int[] SupplierLeadDays { get; }

    /// <summary>Longer promises for single SKUs (0 when the supplier's promise applies).</summary>
    public int[] SkuLeadDays { get; }

    private EventOutbox Outbox { get; }

    public DateTimeOffset Now => Timeline.Now;

    /// <summary>Books the opening of the business and everything that recurs.</summary>
    public void Open()
    {
        // First: the product master goes out before any other event names a SKU.
        ProductMaster.BookOpening(this, Plan.Start);
        Timeline.At(Plan.Start, new OpeningStock());
        Timeline.At(Plan.Start, new LeadTimePromises());
        for (var node = 0; node < Assortment.OnlineNodes; node++)
        {
            Timeline.At(Plan.Start.AddMinutes(30 + 10 * node), new ReplenishmentReview(node));
        }

        Timeline.At(Plan.Start.AddHours(4), new StoreReplenishment());
        Timeline.At(Plan.Start.AddHours(8), new StockControl());
        Timeline.At(Plan.Start.AddHours(6), Listings);
        Timeline.At(Plan.Start, new PromotionCalendar(this));
        Settlements.Open(this);
        if (Scenarios.FlashOn)
        {
            Timeline.At(Scenarios.Flash.Window.StartsAt, new FlashSale(Scenarios.Flash));
        }

        for (var channel = 0; channel < SalesChannels.Count; channel++)
        {
            var arrivals = new OrderArrivals(channel, Plan.ExpectedOrdersPerSecond(channel));
            Timeline.At(arrivals.First(this), arrivals);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Emit(EventType type, string source, string key, IEventPayload payload) =>
        Outbox.Write(type, source, key, Now, payload);

    /// <summary>The next event in event-time order, running the calendar until one exists.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public WorldEvent Peek()
    {
        WorldEvent next;
        while (!Outbox.TryPeek(out next))
        {
            if (!Timeline.RunNext(this))
            {
                throw new InvalidOperationException("The simulated retailer has nothing left to do.");
            }
        }

        return next;
    }

    public WorldEvent Take() => Outbox.Take();

    public void Dispose() => Outbox.Dispose();
}
