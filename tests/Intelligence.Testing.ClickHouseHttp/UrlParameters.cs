namespace Intelligence.Testing.ClickHouseHttp;

/// <summary>
/// How the fixture treats URL parameters that are not <c>param_*</c>: the HTTP layer's own (consumed
/// here), the ones it refuses because one shared engine cannot honour them, and the rest, which are
/// query settings and go to the engine, which refuses unknown ones itself (code 115) as a server does.
/// </summary>
internal static class UrlParameters
{
    /// <summary>ClickHouse's NOT_IMPLEMENTED code, for what the fixture does not do.</summary>
    public const int NotImplemented = 48;

    private static readonly HashSet<string> HttpLayer = new(StringComparer.Ordinal)
    {
        "query", "database", "default_format", "query_id", "user", "password", "quota_key",
        // The fixture always buffers the whole result, so these change nothing here.
        "enable_http_compression", "http_zlib_compression_level", "wait_end_of_query", "buffer_size",
        "send_progress_in_http_headers", "http_headers_progress_interval_ms", "add_http_cors_header",
        "cancel_http_readonly_queries_on_client_close",
    };

    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        ["session_id"] = "there is one shared engine, so a session's state would leak into every other request",
        ["session_timeout"] = "sessions are not served",
        ["session_check"] = "sessions are not served",
        ["readonly"] = "readonly cannot be undone on the shared engine once set; test read-only access against a server",
        ["compress"] = "ClickHouse's own block compression is not implemented; use Content-Encoding gzip",
        ["decompress"] = "ClickHouse's own block compression is not implemented; use Content-Encoding gzip",
    };

    public static bool IsHttpLayer(string name) => HttpLayer.Contains(name);

    public static bool IsRefused(string name, out string reason) => Refused.TryGetValue(name, out reason!);
}
