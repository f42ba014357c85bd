using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Streamiz.Tests.Support;

namespace Intelligence.Processors.Streamiz.Tests;

public sealed class DeadLetterTests
{
    private static readonly ProductUpdated Lamp = new()
    {
        Sku = "SKU-1", Name = "Lamp", Category = "home", SupplierId = "SUP-1", UnitCost = 10m, Price = 25m, Currency = "EUR",
    };

    [Fact]
    public void A_record_that_is_not_an_event_is_dead_lettered_with_the_reason_and_the_next_event_is_processed()
    {
        using var run = new TestDriverRun(new Topology([new ProductFold()], []));
        var garbage = Encoding.UTF8.GetBytes("{\"id\": \"evt-1\", \"type\": ");

        run.Feed("SKU-1", garbage, TestEvents.T0);
        run.Feed(TestEvents.Of("SKU-1", Lamp, TestEvents.T0.AddMinutes(1)));

        var letter = Assert.Single(run.DeadLetters);
        var row = JsonNode.Parse(letter.Json)!;
        Assert.Equal("SKU-1", letter.Key);
        Assert.Equal("malformed_json", (string?)row["reason"]);
        Assert.False(string.IsNullOrEmpty((string?)row["detail"]));
        Assert.Equal("{\"id\": \"evt-1\", \"type\": ", (string?)row["raw"]);
        Assert.Equal("utf8", (string?)row["raw_encoding"]);
        Assert.Equal(0, (long)row["log_offset"]!);
        Assert.Contains("SKU-1", run.Store("products").Keys);
        Assert.Single(run.Rows, r => r.Table == ProductRow.TableName);
    }

    [Fact]
    public void An_event_the_contracts_refuse_is_dead_lettered_with_the_readers_reason_and_its_id()
    {
        using var run = new TestDriverRun(new Topology([new ProductFold()], []));
        var e = TestEvents.Of("SKU-1", Lamp with { Currency = null }, TestEvents.T0, id: "evt-no-currency");

        run.Feed(e.Key, TestDriverRun.Envelope(e), e.OccurredAt);

        var row = JsonNode.Parse(Assert.Single(run.DeadLetters).Json)!;
        Assert.Equal("missing_field", (string?)row["reason"]);
        Assert.Equal("evt-no-currency", (string?)row["event_id"]);
        Assert.Equal("product.updated", (string?)row["event_type"]);
        Assert.Empty(run.Store("products"));
    }

    [Fact]
    public void A_fold_that_throws_is_written_to_processing_failures_with_the_fold_and_its_input_and_the_next_input_is_processed()
    {
        using var run = new TestDriverRun(ListingScenario.Topology());
        run.Feed(Listing("SKU-1", 13, TestEvents.T0, "evt-unlucky"));
        run.Feed(Listing("SKU-1", 5, TestEvents.T0.AddMinutes(1)));

        Assert.Empty(run.DeadLetters);
        var failure = Assert.Single(run.Rows, r => r.Table == ProcessingFailureRow.TableName);
        var row = JsonNode.Parse(failure.Json)!;
        Assert.Equal("SKU-1", (string?)row["key"]);
        Assert.Equal("sku-listings", (string?)row["fold"]);
        Assert.Equal("InvalidOperationException", (string?)row["error"]);
        Assert.Equal("an unlucky quantity", (string?)row["detail"]);
        Assert.Equal("evt-unlucky", (string?)row["event_id"]);
        Assert.Equal(nameof(ListingSeen), (string?)row["input"]);

        var state = JsonSerializer.Deserialize<SkuListings.State>(run.Store("sku-listings")["SKU-1"])!;
        Assert.Equal(2, state.Revision);
        Assert.Equal(5, state.Listed["webstore"]);
    }

    [Fact]
    public void A_message_no_fold_can_read_is_dead_lettered_and_the_stream_goes_on()
    {
        using var run = new TestDriverRun(ListingScenario.Topology());
        var stranger = Encoding.UTF8.GetBytes(
            "{\"type\":\"Elsewhere.Signal\",\"body\":{},\"at\":\"2026-11-02T08:00:00+00:00\",\"eventId\":\"e\",\"source\":\"s\",\"streamTime\":\"2026-11-02T08:00:00+00:00\"}");

        run.SendMessage("SKU-1", stranger, TestEvents.T0);
        run.Feed(Listing("SKU-1", 5, TestEvents.T0.AddMinutes(1)));

        var row = JsonNode.Parse(Assert.Single(run.DeadLetters).Json)!;
        Assert.Equal("unreadable_message", (string?)row["reason"]);
        Assert.Equal("no fold consumes 'Elsewhere.Signal'", (string?)row["detail"]);
        Assert.Contains("SKU-1", run.Store("sku-listings").Keys);
    }

    [Fact]
    public void A_router_that_throws_is_written_to_processing_failures_and_the_folds_still_get_the_event()
    {
        using var run = new TestDriverRun(new Topology([new ProductFold()], [new BrokenRouter()]));

        run.Feed(TestEvents.Of("SKU-1", Lamp, TestEvents.T0, id: "evt-lamp"));

        var row = JsonNode.Parse(Assert.Single(run.Rows, r => r.Table == ProcessingFailureRow.TableName).Json)!;
        Assert.Equal("BrokenRouter", (string?)row["fold"]);
        Assert.Equal("no route", (string?)row["detail"]);
        Assert.Equal("evt-lamp", (string?)row["event_id"]);
        Assert.Contains("SKU-1", run.Store("products").Keys);
    }

    private sealed class BrokenRouter : IRouter
    {
        public IReadOnlyCollection<Type> Consumes { get; } = [typeof(ProductUpdated)];

        public void Route(RetailEvent e, IOutputs outputs) => throw new InvalidOperationException("no route");
    }

    private static RetailEvent Listing(string sku, int quantity, DateTimeOffset at, string? id = null) =>
        TestEvents.Of($"{sku}@webstore", new ListingUpdated { Channel = "webstore", Sku = sku, ListedQuantity = quantity, Price = 20m }, at, id: id);
}
