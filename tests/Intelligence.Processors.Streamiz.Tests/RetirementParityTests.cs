using Intelligence.Contracts.Channel;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Streamiz.Tests.Support;
using Xunit.Abstractions;

namespace Intelligence.Processors.Streamiz.Tests;

/// <summary>
/// Retirement on Kafka: a key whose fold retires it is deleted from the Streamiz store (a tombstone on
/// the changelog) when the engine deletes it from its dictionary, and a later event of that key starts
/// afresh on both.
/// </summary>
public sealed class RetirementParityTests(ITestOutputHelper output)
{
    [Fact]
    public void Keys_retired_by_their_fold_are_gone_from_the_store_and_start_afresh_the_same_as_in_the_engine()
    {
        var events = ListingScenario.Events(400);
        var topology = new Topology([new ListingSpells()], []);

        var report = ParityCheck.Run(topology, events);
        var engine = new FoldEngine(topology);
        var sink = new Collecting();
        events.ForEach(e => engine.Process(e, sink));
        output.WriteLine($"{report}; engine retired {engine.KeysRetired} keys, {engine.Store(ListingSpells.FoldName).Count} live");

        Assert.Empty(report.Differences);
        Assert.True(engine.KeysRetired >= 20, $"only {engine.KeysRetired} retirements: the scenario must exercise them");
        var spells = sink.Rows.OfType<SpellRow>().Where(r => r.Updates == 1).GroupBy(r => r.Key).ToList();
        Assert.Contains(spells, key => key.Count() > 1);
        Assert.True(engine.Store(ListingSpells.FoldName).Count < spells.Count, "every key is still live");
    }

    [Fact]
    public void A_retired_key_leaves_a_tombstone_on_its_changelog_so_a_restored_store_does_not_bring_it_back()
    {
        var at = Support.TestEvents.T0;
        using var run = new TestDriverRun(new Topology([new ListingSpells()], []));
        run.Feed(Listing("SKU-1@webstore", at)).Feed(Listing("SKU-2@webstore", at.AddHours(1)));

        run.AdvanceTo(at.AddHours(2));

        var changelog = run.Read($"{run.Options.ApplicationId}-{ListingSpells.FoldName}-changelog");
        Assert.Equal(["SKU-1@webstore", "SKU-2@webstore", "SKU-1@webstore"], changelog.Select(c => c.Key));
        Assert.Null(changelog[^1].Value);
        Assert.Equal(["SKU-2@webstore"], run.Store(ListingSpells.FoldName).Keys);
    }

    private static Contracts.RetailEvent Listing(string key, DateTimeOffset at) =>
        Support.TestEvents.Of(key, new ListingUpdated
        {
            Channel = key[(key.IndexOf('@', StringComparison.Ordinal) + 1)..], Sku = key[..key.IndexOf('@', StringComparison.Ordinal)],
            ListedQuantity = 3, Price = 9.99m,
        }, at);

    /// <summary>
    /// Keyed SKU@channel: a spell of listing updates, forgotten two hours after its latest update. A row
    /// per update carries when the spell began and how many updates it has had, which differ if a key
    /// is not retired at the same point on both runtimes.
    /// </summary>
    private sealed class ListingSpells : Fold<ListingSpells.State>
    {
        public const string FoldName = "listing-spells";

        private static readonly TimeSpan Retain = TimeSpan.FromHours(2);

        public override string Name => FoldName;

        public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(ListingUpdated)];

        protected override void Apply(State state, in Message message, IOutputs outputs)
        {
            state.Began = state.Updates == 0 ? message.At : state.Began;
            state.Updates++;
            state.Last = message.At > state.Last ? message.At : state.Last;
            outputs.Write(new SpellRow(message.Key, state.Began, state.Updates));
        }

        protected override DateTimeOffset? RetireAt(State state) => Retention.After(true, state.Last, Retain);

        public sealed class State : FoldState
        {
            public int Updates { get; set; }

            public DateTimeOffset Began { get; set; }

            public DateTimeOffset Last { get; set; }
        }
    }

    private sealed record SpellRow(string Key, DateTimeOffset Began, int Updates) : OutputRow
    {
        public override string Table => ListingSpells.FoldName;
    }

    private sealed class Collecting : IOutputSink
    {
        public List<OutputRow> Rows { get; } = [];

        public void Row(OutputRow row) => Rows.Add(row);

        public void Failed(in Message message, string fold, Exception error)
        {
        }
    }
}
