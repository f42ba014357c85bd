using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using ClickHouse.Driver.Utility;

namespace Intelligence.Analytics.ClickHouse;

/// <summary>
/// The analytics store of the distributed runtime: a ClickHouse server over its HTTP interface,
/// through ClickHouse.Driver. Statements, text-format queries and JSONEachRow inserts go through the
/// driver as they are; parameters bind on the server; every failure surfaces as
/// <see cref="AnalyticsException"/>. Thread-safe: one store per process, as the driver's client is.
/// </summary>
public sealed class ClickHouseServerStore : IAnalyticsStore
{
    private readonly ClickHouseClient client;
    private readonly HttpClient http;
    private readonly Uri url;
    private readonly ClickHouseOptions options;

    private ClickHouseServerStore(ClickHouseClient client, HttpClient http, Uri url, ClickHouseOptions options)
    {
        this.client = client;
        this.http = http;
        this.url = url;
        this.options = options;
    }

    /// <summary>"ClickHouse server at URL as USER"; never the password.</summary>
    public string Description => $"ClickHouse server at {url} as {options.User}";

    /// <summary>The database the pipeline's tables live in (<see cref="ClickHouseOptions.Database"/>).</summary>
    public string Database => options.Database;

    /// <summary>
    /// A store for the server <paramref name="options"/> name. Nothing is sent until the first call,
    /// so a server that is down shows as an <see cref="AnalyticsException"/> there. Throws
    /// <see cref="ArgumentException"/> listing every invalid option.
    /// </summary>
    public static ClickHouseServerStore Connect(ClickHouseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The ClickHouse options are invalid: " + string.Join("; ", problems) + ".", nameof(options));
        }

        var url = new Uri(options.Url);
        var handler = new SocketsHttpHandler
        {
            // The driver decodes compressed answers itself.
            AutomaticDecompression = DecompressionMethods.None,
            // Reconnect now and then so a server behind a changing address (a load balancer, a failover) is found again.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.Timeout,
        };
        if (options.CaCertificateFile is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = ServerCertificateTrust.ChainingTo(options.CaCertificateFile);
        }

        var http = new HttpClient(handler) { Timeout = options.Timeout };
        var settings = new ClickHouseClientSettings
        {
            Protocol = url.Scheme,
            Host = url.Host,
            Port = (ushort)url.Port,
            Path = url.AbsolutePath == "/" ? null : url.AbsolutePath,
            Username = options.User,
            Password = options.ReadPassword(),
            HttpClient = http,
            Timeout = options.Timeout,
            UseCompression = options.Compression,
            // One codec both ways: gzip, which the server and .NET both speak without extra libraries.
            AcceptEncoding = options.Compression ? "gzip" : null,
            ParameterFormatter = VerbatimParameters.Instance,
            // Rows carry timestamps as "2026-11-02 10:00:00.000" or ISO 8601 "2026-11-02T10:00:00.000Z", as chDB reads them.
            CustomSettings = new Dictionary<string, object> { ["date_time_input_format"] = "best_effort" },
        };
        return new ClickHouseServerStore(new ClickHouseClient(settings), http, url, options);
    }

    public Task ExecuteAsync(string sql, CancellationToken ct = default) =>
        CallAsync(() => client.ExecuteNonQueryAsync(sql, null, Statement("Null"), ct), ct);

    public Task<QueryResult> QueryAsync(
        string sql,
        string format = "TabSeparatedWithNames",
        IReadOnlyDictionary<string, string>? parameters = null,
        CancellationToken ct = default) =>
        CallAsync(async () =>
        {
            using var connection = client.CreateConnection();
            using var command = connection.CreateCommand(sql);
            foreach (var (name, value) in parameters is null ? [] : QueryParameters.ForBinding(sql, parameters))
            {
                command.AddParameter(name, value);
            }

            foreach (var (name, value) in StatementSettings(format))
            {
                command.CustomSettings[name] = value;
            }

            using var output = await command.ExecuteRawResultAsync(ct);
            await using var body = await output.ReadDecompressedStreamAsync();
            using var reader = new StreamReader(body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(ct);
            var stats = command.QueryStats;
            return new QueryResult(text, (ulong)Math.Max(0, stats?.ReadRows ?? 0), TimeSpan.FromTicks(Math.Max(0, stats?.ElapsedNs ?? 0) / 100));
        }, ct);

    public Task<InsertResult> InsertAsync(
        string table,
        ReadOnlyMemory<byte> jsonEachRow,
        string? deduplicationToken = null,
        CancellationToken ct = default) =>
        InsertAsync(table, InsertBody.JsonEachRow(jsonEachRow), deduplicationToken, ct);

    public Task<InsertResult> InsertAsync(
        string table,
        InsertBody rows,
        string? deduplicationToken = null,
        CancellationToken ct = default)
    {
        SqlNames.RequireTable(table);
        var settings = new Dictionary<string, object>
        {
            // A field the table does not have is an error, as on chDB: a row and its table disagreeing is a bug.
            ["input_format_skip_unknown_fields"] = 0,
            ["insert_deduplicate"] = 1,
        };
        if (deduplicationToken is not null)
        {
            settings["insert_deduplication_token"] = SqlNames.RequireDeduplicationToken(deduplicationToken);
        }

        // Nothing to write: no request, as an empty insert would store nothing either.
        return rows.IsEmpty
            ? Task.FromResult(new InsertResult(0, TimeSpan.Zero))
            : CallAsync(async () =>
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.InsertRawStreamAsync(
                    table, Readable(rows.Rows), rows.Format, null, options.Compression, new QueryOptions { CustomSettings = settings }, ct);
                if (!response.IsSuccessStatusCode)
                {
                    var code = response.Headers.TryGetValues("X-ClickHouse-Exception-Code", out var codes) ? codes.First() : null;
                    throw ServerErrors.FromAnswer((int)response.StatusCode, code, await response.Content.ReadAsStringAsync(ct));
                }

                return InsertAnswer.Read(response, clock.Elapsed);
            }, ct);
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        http.Dispose();
        return ValueTask.CompletedTask;
    }

    // Output in the caller's format; wait_end_of_query makes the server finish before answering, so an
    // error half way reaches us as an error status rather than as a cut-off body, and the summary is complete.
    private static Dictionary<string, object> StatementSettings(string format) =>
        new() { ["default_format"] = format, ["wait_end_of_query"] = 1 };

    private static QueryOptions Statement(string format) => new() { CustomSettings = StatementSettings(format) };

    private static MemoryStream Readable(ReadOnlyMemory<byte> rows) =>
        MemoryMarshal.TryGetArray(rows, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(rows.ToArray(), writable: false);

    private async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (ClickHouseServerException error)
        {
            throw ServerErrors.FromServer(error);
        }
        catch (HttpRequestException error)
        {
            throw ServerErrors.Unreachable(url, error);
        }
        catch (IOException error)
        {
            throw ServerErrors.Unreachable(url, error);
        }
        catch (OperationCanceledException error) when (!ct.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation the caller did not ask for.
            throw ServerErrors.TimedOut(url, options.Timeout, error);
        }
    }
}
