using System.Globalization;
using Intelligence.Analytics;
using Intelligence.Sink.Consuming;

namespace Intelligence.Sink.Batching;

/// <summary>
/// What one batch is: for each partition it took records from, the offset range, and the group's
/// committed offset it continued from. The ranges (with the group) are the batch's identity: every
/// table's insert carries a token derived from it, so the same ranges stored again are dropped.
/// </summary>
internal sealed record BatchPlan(string GroupId, IReadOnlyList<PlannedRange> Ranges)
{
    /// <summary>The group and the ranges in partition order, e.g. <c>sink|retail-events:0:120-388,retail-outputs:3:17-90</c>.</summary>
    public string Identity => $"{GroupId}|" + string.Join(',', Ranges.Select(r => $"{r.Partition.Topic}:{r.Partition.Partition}:{r.First}-{r.Last}"));

    /// <summary>A short hash of <see cref="Identity"/>, the batch id in <c>sink_batches</c>.</summary>
    public string Id => InsertToken.Hash(Identity);

    public int Records => Ranges.Sum(r => r.Records);

    /// <summary>The token of this batch's insert into <paramref name="qualifiedTable"/>.</summary>
    public string TokenFor(string qualifiedTable) => InsertToken.For(qualifiedTable, Identity);

    /// <summary>Every range with its start, as kept in <c>sink_batches.segments</c> (Kafka topic names hold no ':' or ',').</summary>
    public string Encode() => string.Join(',', Ranges.Select(r =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Partition.Topic}:{r.Partition.Partition}:{r.Start}:{r.First}:{r.Last}:{r.Records}")));

    public static BatchPlan Decode(string groupId, string segments) =>
        new(groupId, segments.Split(',').Select(segment =>
        {
            var f = segment.Split(':');
            if (f.Length != 6)
            {
                throw new FormatException($"'{segment}' is not a batch range (topic:partition:start:first:last:records).");
            }

            return new PlannedRange(new PartitionId(f[0], Int(f[1])), Long(f[2]), Long(f[3]), Long(f[4]), Int(f[5]));
        }).ToList());

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);
}

/// <summary>
/// The records of one partition in a batch: offsets <see cref="First"/> to <see cref="Last"/>
/// (<see cref="Records"/> of them; transaction markers leave gaps), continuing from the committed
/// offset <see cref="Start"/> (-1 when the group had none).
/// </summary>
internal readonly record struct PlannedRange(PartitionId Partition, long Start, long First, long Last, int Records);
