using System.Text;

namespace Intelligence.Contracts;

/// <summary>
/// JSON text kept as the UTF-8 bytes it arrived in: an accepted event's payload, exactly as the source
/// sent it, with no copy as UTF-16 text. Equal when the bytes are.
/// </summary>
public readonly struct RawJson : IEquatable<RawJson>
{
    private readonly byte[]? _utf8;

    public RawJson(ReadOnlySpan<byte> utf8) => _utf8 = utf8.ToArray();

    public ReadOnlyMemory<byte> Utf8 => _utf8;

    public int Length => _utf8?.Length ?? 0;

    public static implicit operator RawJson(string json) => new(Encoding.UTF8.GetBytes(json));

    public static bool operator ==(RawJson left, RawJson right) => left.Equals(right);

    public static bool operator !=(RawJson left, RawJson right) => !left.Equals(right);

    public bool Equals(RawJson other) => Utf8.Span.SequenceEqual(other.Utf8.Span);

    public override bool Equals(object? obj) => obj is RawJson other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Utf8.Span);
        return hash.ToHashCode();
    }

    public override string ToString() => Encoding.UTF8.GetString(Utf8.Span);
}
