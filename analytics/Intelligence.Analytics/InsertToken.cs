using System.Security.Cryptography;
using System.Text;

namespace Intelligence.Analytics;

/// <summary>
/// The deduplication token of one insert: the table and a hash of what the batch is (its source
/// positions). The same batch gives the same token, so ClickHouse stores a retried or replayed
/// insert once on tables that keep a deduplication window.
/// </summary>
public static class InsertToken
{
    public static string For(string table, string identity) => $"{table}:{Hash(identity)}";

    /// <summary>32 hex characters of SHA-256 of <paramref name="identity"/>: short enough for a token, wide enough never to collide.</summary>
    public static string Hash(string identity) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
}
