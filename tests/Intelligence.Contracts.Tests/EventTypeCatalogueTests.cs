using Intelligence.Contracts;

namespace Intelligence.Contracts.Tests;

/// <summary>The list of event types is the contract's table of contents: each type once, in its family, with its own payload.</summary>
public sealed class EventTypeCatalogueTests
{
    [Fact]
    public void There_are_thirty_three_types_in_four_families()
    {
        var byFamily = EventTypes.All.GroupBy(t => t.Family).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(33, EventTypes.All.Count);
        Assert.Equal(
            new Dictionary<EventFamily, int> { [EventFamily.Channel] = 9, [EventFamily.Warehouse] = 13, [EventFamily.Supplier] = 4, [EventFamily.Payment] = 7 },
            byFamily);
    }

    [Fact]
    public void Every_type_has_a_distinct_name_and_payload_and_can_be_found_by_name()
    {
        Assert.Equal(EventTypes.All.Count, EventTypes.All.Select(t => t.Name).Distinct().Count());
        Assert.Equal(EventTypes.All.Count, EventTypes.All.Select(t => t.Payload.Type).Distinct().Count());
        Assert.All(EventTypes.All, t => Assert.True(EventTypes.TryFind(t.Name, out var found) && found == t, t.Name));
    }

    [Fact]
    public void The_product_master_is_a_channel_event()
    {
        Assert.True(EventTypes.TryFind("product.updated", out var type));
        Assert.Same(EventTypes.ProductUpdated, type);
        Assert.Equal(EventFamily.Channel, type.Family);
        Assert.Equal(typeof(Channel.ProductUpdated), type.Payload.Type);
        Assert.Equal([1], type.SchemaVersions);
    }
}
