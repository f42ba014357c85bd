using Intelligence.Contracts.Channel;
using Intelligence.Embedded.Processing;
using Intelligence.EventLog;
using Intelligence.Ingest;

namespace Intelligence.Pipeline.Tests;

public sealed class EventTimeOrderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_batch_is_folded_earliest_partition_head_first_without_reordering_a_partition()
    {
        // Partition 0 was read a day ahead of partition 1; partition 1 holds one event out of order.
        List<LogRecord<AcceptedEvent>> batch =
        [
            Record(0, 0, T0), Record(0, 1, T0.AddHours(12)), Record(0, 2, T0.AddDays(1)),
            Record(1, 0, T0.AddHours(1)), Record(1, 1, T0.AddMinutes(30)), Record(1, 2, T0.AddHours(13)),
        ];

        var merged = EventTimeOrder.Merge(batch).Select(r => $"{r.Position.Partition}:{r.Position.Offset}").ToList();

        Assert.Equal(["0:0", "1:0", "1:1", "0:1", "1:2", "0:2"], merged);
    }

    private static LogRecord<AcceptedEvent> Record(int partition, long offset, DateTimeOffset at)
    {
        var payload = new ListingUpdated { Channel = "webstore", Sku = "SKU-1", ListedQuantity = 1, Price = 2m };
        var e = new Intelligence.Contracts.RetailEvent($"e-{partition}-{offset}", Intelligence.Contracts.EventTypes.ListingUpdated,
            "test", at, 1, "SKU-1@webstore", payload, "{}");
        return new LogRecord<AcceptedEvent>(e.Key, new AcceptedEvent(e, at, "test"), new LogPosition(partition, offset));
    }
}
