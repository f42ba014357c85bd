using System.Text;

namespace Intelligence.EventLog;

/// <summary>
/// Chooses a partition for a key exactly as Kafka's default (Java) partitioner does:
/// murmur2 of the UTF-8 key, made positive, modulo the partition count. With librdkafka this is
/// the <c>murmur2_random</c> partitioner, so a key lands in the same partition in both runtimes.
/// </summary>
public static class KeyPartitioner
{
    public static int PartitionFor(string key, int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        Span<byte> small = stackalloc byte[256];
        var length = Encoding.UTF8.GetByteCount(key);
        var bytes = length <= small.Length ? small[..length] : new byte[length];
        Encoding.UTF8.GetBytes(key, bytes);
        return (Murmur2(bytes) & 0x7fffffff) % partitions;
    }

    /// <summary>Kafka's murmur2 (org.apache.kafka.common.utils.Utils.murmur2), seed 0x9747b28c.</summary>
    public static int Murmur2(ReadOnlySpan<byte> data)
    {
        const uint m = 0x5bd1e995;
        const int r = 24;
        var length = data.Length;
        var h = 0x9747b28c ^ (uint)length;
        var length4 = length / 4;

        for (var i = 0; i < length4; i++)
        {
            var i4 = i * 4;
            var k = data[i4] | ((uint)data[i4 + 1] << 8) | ((uint)data[i4 + 2] << 16) | ((uint)data[i4 + 3] << 24);
            k *= m;
            k ^= k >> r;
            k *= m;
            h *= m;
            h ^= k;
        }

        var tail = length & ~3;
        switch (length % 4)
        {
            case 3:
                h ^= (uint)data[tail + 2] << 16;
                goto case 2;
            case 2:
                h ^= (uint)data[tail + 1] << 8;
                goto case 1;
            case 1:
                h ^= data[tail];
                h *= m;
                break;
        }

        h ^= h >> 13;
        h *= m;
        h ^= h >> 15;
        return unchecked((int)h);
    }
}
