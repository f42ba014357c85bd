using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Intelligence.Ingest.Http;

/// <summary>
/// Per-source API keys, held only as SHA-256 hashes. A presented key is hashed and compared with
/// every stored hash in constant time, so neither the key nor which source matched leaks by timing.
/// </summary>
public sealed partial class ApiKeyRing
{
    private readonly List<(string Source, byte[] Hash)> _keys = [];

    public int Count => _keys.Count;

    public IEnumerable<string> Sources => _keys.Select(k => k.Source).Distinct(StringComparer.Ordinal);

    public void Add(string source, string sha256Hex)
    {
        if (!SourceName().IsMatch(source))
        {
            throw new ArgumentException($"API key source '{source}' must be 1-64 letters, digits, '-' or '_'.", nameof(source));
        }

        byte[] hash;
        try
        {
            hash = Convert.FromHexString(sha256Hex);
        }
        catch (FormatException)
        {
            hash = [];
        }

        if (hash.Length != 32)
        {
            throw new ArgumentException($"API key hash for source '{source}' must be 64 hex characters (SHA-256).", nameof(sha256Hex));
        }

        _keys.Add((source, hash));
    }

    public bool TryAuthenticate(string presented, out string source)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        source = "";
        var found = false;
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash) && !found)
            {
                source = key.Source;
                found = true;
            }
        }

        return found;
    }

    /// <summary>Makes a new random key; returns the key (shown once) and its hash (stored).</summary>
    public static (string Key, string Sha256Hex) NewKey()
    {
        var key = "ik_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (key, Hash(key));
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static ApiKeyRing From(HttpIngestOptions options)
    {
        var ring = new ApiKeyRing();
        foreach (var entry in options.ApiKeys)
        {
            ring.Add(entry.Source, entry.KeySha256);
        }

        if (options.ApiKeysFile is { } file && File.Exists(file))
        {
            foreach (var line in File.ReadLines(file))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && !line.TrimStart().StartsWith('#'))
                {
                    ring.Add(parts[0], parts[1]);
                }
            }
        }

        return ring;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SourceName();
}
