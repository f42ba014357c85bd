namespace Intelligence.Ingest.Http;

/// <summary>The HTTP ingest endpoint's settings; configuration section <c>Ingest:Http</c>.</summary>
public sealed class HttpIngestOptions
{
    public const string Section = "Ingest:Http";

    /// <summary>Where to listen. Loopback by default: expose it deliberately, behind TLS.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Most events in one request.</summary>
    public int MaxEventsPerBatch { get; set; } = 5_000;

    /// <summary>
    /// Most requests read and submitted at once; one more is answered 429 with Retry-After. Bounds the
    /// memory held in request bodies to this many times <see cref="MaxBodyBytes"/>.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 16;

    /// <summary>How long a request waits for room in a full event log before answering 503.</summary>
    public TimeSpan AppendTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>API keys as <c>source</c> and the SHA-256 (hex) of the key; never the key itself.</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>Optional file of further keys, one <c>source sha256hex</c> a line (written by <c>intelligence keys add</c>).</summary>
    public string? ApiKeysFile { get; set; }
}

public sealed class ApiKeyEntry
{
    public string Source { get; set; } = "";

    public string KeySha256 { get; set; } = "";
}
