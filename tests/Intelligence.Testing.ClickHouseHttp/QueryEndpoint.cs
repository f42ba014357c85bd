using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Intelligence.Analytics;
using Microsoft.AspNetCore.Http;

namespace Intelligence.Testing.ClickHouseHttp;

/// <summary>
/// Answers requests as ClickHouse's HTTP handler does: <c>/ping</c> and a bare <c>GET /</c> with
/// "Ok.", queries on <c>/</c> with the output and the X-ClickHouse-* headers, errors with the
/// server's status for the code, an X-ClickHouse-Exception-Code header and "Code: N. DB::Exception: ..."
/// as the body, and any other path with 404.
/// </summary>
internal sealed partial class QueryEndpoint(
    EngineSession session,
    ErrorStatus statuses,
    ChdbHttpServerOptions options,
    string timezone,
    ConcurrentQueue<ObservedRequest> observed)
{
    /// <summary>ClickHouse's AUTHENTICATION_FAILED and STD_EXCEPTION codes.</summary>
    private const int AuthenticationFailed = 516;
    private const int FixtureFailure = 1001;

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        var path = request.Path.Value ?? "/";
        if (path == "/ping" || (path == "/" && HttpMethods.IsGet(request.Method) && !request.Query.ContainsKey("query")))
        {
            await WriteAsync(response, HttpStatusCode.OK, "text/plain; charset=UTF-8", "Ok.\n"u8.ToArray(), null);
            return;
        }

        var queryId = request.Query["query_id"].ToString() is { Length: > 0 } given ? given : Guid.NewGuid().ToString();
        response.Headers["X-ClickHouse-Query-Id"] = queryId;
        response.Headers["X-ClickHouse-Timezone"] = timezone;
        response.Headers["X-ClickHouse-Server-Display-Name"] = "chdb-http-fixture";
        var encoding = ContentCodings.ChooseResponseEncoding(
            request.Query["enable_http_compression"].ToString() is "1" or "true", request.Headers.AcceptEncoding.ToString());
        try
        {
            if (path != "/")
            {
                await WriteErrorAsync(response, HttpStatusCode.NotFound, null,
                    $"There is no handle {path}\n\nUse / or /ping for health checks.\n", encoding);
                return;
            }

            var (user, password) = Credentials(request);
            if (options.Password is not null && password != options.Password)
            {
                throw new QueryRefusedException(AuthenticationFailed,
                    $"{user}: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)");
            }

            var body = await ContentCodings.ReadBodyAsync(request.Body, request.Headers.ContentEncoding.ToString(), http.RequestAborted);
            var query = QueryRequest.Read(request.Query, body) with { QueryId = queryId };
            observed.Enqueue(new ObservedRequest(request.Method, user, password.Length > 0, query.Sql, query.Settings,
                query.Parameters.Keys.ToList(), NonEmpty(request.Headers.ContentEncoding.ToString()), encoding));

            var output = await session.RunAsync(query, http.RequestAborted);
            response.Headers["X-ClickHouse-Format"] = query.OutputFormat;
            response.Headers["X-ClickHouse-Summary"] = ResponseFormat.Summary(output.RowsRead, output.RowsWritten, output.Elapsed);
            await WriteAsync(response, HttpStatusCode.OK, ResponseFormat.ContentType(query.OutputFormat), output.Bytes, encoding);
        }
        catch (QueryRefusedException refused)
        {
            await WriteErrorAsync(response, statuses.For(refused.Code), refused.Code, refused.Message, encoding);
        }
        catch (AnalyticsException engineError)
        {
            var code = engineError.Code ?? FixtureFailure;
            await WriteErrorAsync(response, statuses.For(code), code, WithCode(engineError.Message, code), encoding);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // A bug here must still reach the client as a server error, not a dropped connection.
            await WriteErrorAsync(response, HttpStatusCode.InternalServerError, FixtureFailure,
                $"Code: {FixtureFailure}. DB::Exception: the chDB HTTP fixture failed: {failure.GetType().Name}: {failure.Message} (STD_EXCEPTION)", encoding);
        }
    }

    private static (string User, string Password) Credentials(HttpRequest request)
    {
        if (request.Headers["X-ClickHouse-User"].ToString() is { Length: > 0 } headerUser)
        {
            return (headerUser, request.Headers["X-ClickHouse-Key"].ToString());
        }

        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var basic)
            && string.Equals(basic.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && basic.Parameter is not null)
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic.Parameter));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (pair, string.Empty) : (pair[..colon], pair[(colon + 1)..]);
        }

        return (NonEmpty(request.Query["user"].ToString()) ?? "default", request.Query["password"].ToString());
    }

    private static string WithCode(string message, int code) =>
        CodePrefix().IsMatch(message) ? message : $"Code: {code}. DB::Exception: {message}";

    private static async Task WriteErrorAsync(HttpResponse response, HttpStatusCode status, int? code, string message, string? encoding)
    {
        if (code is not null)
        {
            response.Headers["X-ClickHouse-Exception-Code"] = code.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await WriteAsync(response, status, "text/plain; charset=UTF-8", Encoding.UTF8.GetBytes(message.TrimEnd('\n') + "\n"), encoding);
    }

    private static async Task WriteAsync(HttpResponse response, HttpStatusCode status, string contentType, byte[] body, string? encoding)
    {
        var encoded = ContentCodings.Encode(body, encoding);
        response.StatusCode = (int)status;
        response.ContentType = contentType;
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        response.ContentLength = encoded.Length;
        await response.Body.WriteAsync(encoded);
    }

    private static string? NonEmpty(string value) => value.Length == 0 ? null : value;

    [GeneratedRegex(@"^Code: \d+\.")]
    private static partial Regex CodePrefix();
}
