using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Intelligence.Alerting;

/// <summary>
/// The signature of a webhook notice: HMAC-SHA256 with the route's secret over
/// <c>timestamp + "." + body</c>, sent as <c>sha256=</c> and the lowercase hex digest. The sender,
/// receivers written in .NET and the tests share this one class.
/// </summary>
public static class NoticeSignature
{
    public const string Prefix = "sha256=";

    private const int DigestBytes = 32;

    /// <param name="timestamp">The <c>X-Intelligence-Timestamp</c> header as sent (unix seconds).</param>
    public static string Sign(ReadOnlySpan<byte> secret, string timestamp, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Digest(secret, timestamp, body));

    /// <summary>Whether <paramref name="signature"/> (the <c>X-Intelligence-Signature</c> header) is this body's, compared in constant time.</summary>
    public static bool Verify(ReadOnlySpan<byte> secret, string timestamp, ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null || signature.Length != Prefix.Length + (2 * DigestBytes)
            || !signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[DigestBytes];
        var status = Convert.FromHexString(signature.AsSpan(Prefix.Length), claimed, out _, out var written);
        return status == OperationStatus.Done && written == DigestBytes
            && CryptographicOperations.FixedTimeEquals(claimed, Digest(secret, timestamp, body));
    }

    /// <summary>
    /// Whether the timestamp is within <paramref name="tolerance"/> of <paramref name="now"/>: a receiver
    /// that also checks this refuses a captured request replayed later.
    /// </summary>
    public static bool IsRecent(string timestamp, DateTimeOffset now, TimeSpan tolerance) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && Math.Abs(now.ToUnixTimeSeconds() - seconds) <= tolerance.TotalSeconds;

    private static byte[] Digest(ReadOnlySpan<byte> secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hmac.AppendData("."u8);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
