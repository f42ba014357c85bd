using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Intelligence.Contracts.Channel;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Streamiz.Tests.Support;

namespace Intelligence.Processors.Streamiz.Tests;

public sealed class StoreTests
{
    private static readonly ProductUpdated Lamp = new()
    {
        Sku = "SKU-1", Name = "Lamp", Category = "home", SupplierId = "SUP-1", UnitCost = 10m, Price = 25m, Currency = "EUR",
    };

    [Fact]
    public void Each_fold_keeps_its_state_in_a_store_named_after_it_that_only_the_fold_processor_uses()
    {
        var topology = ListingScenario.Topology();
        using var run = new TestDriverRun(topology);

        var description = run.KafkaTopology.Describe().ToString() ?? "";

        foreach (var fold in topology.Folds)
        {
            Assert.Contains(fold.Name, description, StringComparison.Ordinal);
        }

        var processor = description.Split('\n').Single(l => l.Contains($"Processor: {MessageFolding.Name}", StringComparison.Ordinal));
        Assert.All(topology.Folds, f => Assert.Contains(f.Name, processor, StringComparison.Ordinal));
        Assert.DoesNotContain(FoldStores.StreamTime, processor, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_folds_that_override_due_at_have_their_stores_scanned_for_timers_when_a_task_starts()
    {
        Assert.True(Timers.MayArm(new ChannelBoard()));
        Assert.False(Timers.MayArm(new ProductFold()));
        Assert.False(Timers.MayArm(new SkuListings()));
    }

    [Fact]
    public void Every_change_to_a_folds_state_goes_to_its_changelog_topic_as_the_state_json()
    {
        using var run = new TestDriverRun(ListingScenario.Topology());
        run.Feed(TestEvents.Of("SKU-1", Lamp, TestEvents.T0));
        run.Feed(TestEvents.Of("SKU-1", Lamp with { Price = 30m }, TestEvents.T0.AddMinutes(1)));

        var changelog = run.Read($"{run.Options.ApplicationId}-products-changelog");

        Assert.Equal(["SKU-1", "SKU-1"], changelog.Select(c => c.Key));
        var last = JsonSerializer.Deserialize<ProductState>(changelog[^1].Value)!;
        Assert.Equal(2, last.Revision);
        Assert.Equal(30m, last.ListPrice);
        Assert.Equal(Encoding.UTF8.GetString(changelog[^1].Value), run.Store("products")["SKU-1"]);
    }

    [Fact]
    public void A_signal_for_another_key_travels_through_the_messages_topic_under_that_key()
    {
        using var run = new TestDriverRun(ListingScenario.Topology());
        run.Feed(TestEvents.Of("SKU-1@webstore", new ListingUpdated { Channel = "webstore", Sku = "SKU-1", ListedQuantity = 4, Price = 20m },
            TestEvents.T0, id: "evt-listing"));

        var messages = run.Read(run.Options.MessagesTopic)
            .Select(m => (m.Key, Record: JsonNode.Parse(m.Value)!))
            .Select(m => (m.Key, Type: (string?)m.Record["type"], EventId: (string?)m.Record["eventId"]))
            .ToList();

        Assert.Equal(
            [("SKU-1", typeof(ListingSeen).FullName, "evt-listing"), ("webstore", typeof(ChannelListed).FullName, "evt-listing")],
            messages);
        Assert.Contains("SKU-1", run.Store("sku-listings").Keys);
        Assert.Contains("webstore", run.Store("channel-board").Keys);
    }

    [Fact]
    public void A_timer_fires_once_stream_time_passes_it_and_its_signal_reaches_the_next_fold()
    {
        using var run = new TestDriverRun(ListingScenario.Topology());
        run.Feed(TestEvents.Of("SKU-1@stores", new ListingUpdated { Channel = "stores", Sku = "SKU-1", ListedQuantity = 4, Price = 20m },
            TestEvents.T0));

        run.AdvanceTo(TestEvents.T0 + ChannelBoard.Quiet - TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("all", run.Store("quiet-log").Keys);

        run.AdvanceTo(TestEvents.T0 + ChannelBoard.Quiet);
        var log = JsonSerializer.Deserialize<QuietLog.State>(run.Store("quiet-log")["all"])!;
        Assert.Equal([$"stores@{TestEvents.T0 + ChannelBoard.Quiet:O} by timer:channel-board"], log.Entries);
        var board = JsonSerializer.Deserialize<ChannelBoard.State>(run.Store("channel-board")["stores"])!;
        Assert.Equal((1, 2L), (board.QuietTicks, board.Revision));
    }

    [Fact]
    public void Without_markers_a_timer_fires_before_the_first_message_that_comes_after_stream_time_passed_it()
    {
        using var run = new TestDriverRun(ListingScenario.Topology());
        var listing = new ListingUpdated { Channel = "stores", Sku = "SKU-1", ListedQuantity = 4, Price = 20m };
        run.Feed(TestEvents.Of("SKU-1@stores", listing, TestEvents.T0));
        run.Feed(TestEvents.Of("SKU-2@wholesale", listing with { Sku = "SKU-2", Channel = "wholesale" }, TestEvents.T0.AddHours(1)));
        Assert.DoesNotContain("all", run.Store("quiet-log").Keys);

        // The next message carries the stream time the hour-later event moved to: the tick comes first.
        run.Feed(TestEvents.Of("SKU-3@webstore", listing with { Sku = "SKU-3", Channel = "webstore" }, TestEvents.T0.AddHours(1)));

        var board = JsonSerializer.Deserialize<ChannelBoard.State>(run.Store("channel-board")["stores"])!;
        Assert.Equal((1, (DateTimeOffset?)null), (board.QuietTicks, board.QuietAt));
        var log = JsonSerializer.Deserialize<QuietLog.State>(run.Store("quiet-log")["all"])!;
        Assert.Single(log.Entries, e => e.StartsWith("stores@", StringComparison.Ordinal));
    }
}
