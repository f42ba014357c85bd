namespace Intelligence.Simulator.Feed;

/// <summary>The last few hundred events sent: what a duplicate re-sends and what a bad input is made from.</summary>
internal sealed class RecentSends
{
    private readonly byte[][] _ring = new byte[512][];
    private int _count;
    private int _next;

    public int Count => _count;

    public void Add(byte[] json)
    {
        _ring[_next] = json;
        _next = (_next + 1) % _ring.Length;
        _count = Math.Min(_count + 1, _ring.Length);
    }

    public byte[] Pick(Random rng) => _ring[rng.Next(_count)];

    /// <summary>A recent event containing <paramref name="marker"/>, looking back from a random point; null if none does.</summary>
    public byte[]? PickContaining(Random rng, ReadOnlySpan<byte> marker)
    {
        var start = rng.Next(_count);
        for (var i = 0; i < _count; i++)
        {
            var json = _ring[(start + i) % _count];
            if (json.AsSpan().IndexOf(marker) >= 0)
            {
                return json;
            }
        }

        return null;
    }
}
