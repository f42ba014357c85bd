using System.Text;
using CsCheck;

namespace Intelligence.EventLog.Tests;

public sealed class KeyPartitionerTests
{
    // Expected values from Kafka's own UtilsTest.testMurmur2, so keys land where a Java producer puts them.
    [Theory]
    [InlineData("21", -973932308)]
    [InlineData("foobar", -790332482)]
    [InlineData("a-little-bit-long-string", -985981536)]
    [InlineData("a-little-bit-longer-string", -1486304829)]
    [InlineData("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971)]
    [InlineData("abc", 479470107)]
    public void Murmur2_matches_kafkas_partitioner(string key, int expected) =>
        Assert.Equal(expected, KeyPartitioner.Murmur2(Encoding.UTF8.GetBytes(key)));

    [Fact]
    public void A_key_always_maps_to_the_same_partition_within_range()
    {
        Gen.Select(Gen.String, Gen.Int[1, 64]).Sample((key, partitions) =>
        {
            var first = KeyPartitioner.PartitionFor(key, partitions);
            return first >= 0 && first < partitions && first == KeyPartitioner.PartitionFor(key, partitions);
        });
    }

    [Fact]
    public void Keys_spread_over_partitions()
    {
        var counts = new int[8];
        for (var i = 0; i < 8_000; i++)
        {
            counts[KeyPartitioner.PartitionFor($"SKU-{i}@DC-EAST", 8)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 800, 1_200));
    }
}
