using System.Net.Http;
using ClickHouse.Driver;

namespace Intelligence.Analytics.ClickHouse;

/// <summary>
/// Turns what the driver and the network raise into <see cref="AnalyticsException"/>. A server error
/// keeps ClickHouse's "Code: NNN." text, so callers can tell a refused batch from a passing failure;
/// a server that does not answer gives no code (it is worth retrying) and a message naming the URL.
/// </summary>
internal static class ServerErrors
{
    public static AnalyticsException FromServer(ClickHouseServerException error) =>
        new(WithCode(error.Message.Trim(), error.ErrorCode), error);

    /// <summary>An error answer the driver handed back instead of raising (a raw insert's response).</summary>
    public static AnalyticsException FromAnswer(int status, string? exceptionCode, string body)
    {
        var code = int.TryParse(exceptionCode, out var parsed) ? parsed : -1;
        var text = body.Trim();
        return new AnalyticsException(WithCode(text.Length > 0 ? text : $"The server answered HTTP {status} without a message.", code));
    }

    public static AnalyticsException Unreachable(Uri url, Exception error)
    {
        var reason = error is HttpRequestException http ? http.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "its host name does not resolve",
            HttpRequestError.ConnectionError => "nothing accepted the connection",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed (check the URL's scheme and ClickHouse:CaCertificateFile)",
            HttpRequestError.ResponseEnded => "the connection closed before the answer ended",
            _ => error.Message,
        } : error.Message;
        return new AnalyticsException(
            $"The ClickHouse server at {url} did not answer ({reason}): check that it is running and that " +
            "ClickHouse:Url or --clickhouse names its HTTP interface (port 8123, or 8443 for https).", error);
    }

    public static AnalyticsException TimedOut(Uri url, TimeSpan timeout, Exception error) =>
        new($"The ClickHouse server at {url} did not answer within {timeout.TotalSeconds:0.#} s: check that it is reachable and not " +
            "overloaded, or raise ClickHouse:Timeout for long statements.", error);

    // The server's text normally starts "Code: NNN."; keep the code findable when a proxy's answer does not.
    private static string WithCode(string message, int code) =>
        code > 0 && !message.Contains($"Code: {code}.", StringComparison.Ordinal) ? $"Code: {code}. {message}" : message;
}
