using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Intelligence.Testing.ClickHouseHttp;

/// <summary>
/// One request to the HTTP interface as ClickHouse reads it: the statement from the <c>query</c>
/// URL parameter and/or the body, the URL parameters sorted into the ones the HTTP layer consumes,
/// the <c>param_*</c> values, and the rest, which are query settings.
/// </summary>
internal sealed partial record QueryRequest
{
    public required string Sql { get; init; }

    /// <summary>For <c>INSERT ... FORMAT F</c> in the URL: the statement without FORMAT, whose data is the body.</summary>
    public string? InsertStatement { get; init; }

    public string? InsertFormat { get; init; }

    public byte[] InsertData { get; init; } = [];

    public string? Database { get; init; }

    public required string DefaultFormat { get; init; }

    public required string QueryId { get; init; }

    public required IReadOnlyDictionary<string, string> Settings { get; init; }

    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    public bool HttpCompression { get; init; }

    /// <summary>The format the output is written in: the statement's own FORMAT clause, else <c>default_format</c>.</summary>
    public string OutputFormat => InsertStatement is null && TrailingFormat().Match(Sql) is { Success: true } clause
        ? clause.Groups["format"].Value
        : DefaultFormat;

    /// <summary>Reads the request; a URL parameter the fixture cannot honour is refused with the reason.</summary>
    public static QueryRequest Read(IQueryCollection url, byte[] body)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in url)
        {
            var value = values.ToString();
            if (name.StartsWith("param_", StringComparison.Ordinal))
            {
                parameters[name["param_".Length..]] = value;
            }
            else if (UrlParameters.IsRefused(name, out var reason))
            {
                throw new QueryRefusedException(UrlParameters.NotImplemented, $"URL parameter '{name}' is not served by the chDB HTTP fixture: {reason}.");
            }
            else if (!UrlParameters.IsHttpLayer(name))
            {
                settings[name] = value;
            }
        }

        var request = new QueryRequest
        {
            Sql = string.Empty,
            Database = NonEmpty(url["database"]),
            DefaultFormat = NonEmpty(url["default_format"]) ?? "TabSeparated",
            QueryId = NonEmpty(url["query_id"]) ?? Guid.NewGuid().ToString(),
            Settings = settings,
            Parameters = parameters,
            HttpCompression = url["enable_http_compression"].ToString() is "1" or "true",
        };

        var query = NonEmpty(url["query"]);
        if (query is not null && InsertWithFormat().Match(query) is { Success: true } insert)
        {
            // As on the server: the URL names the statement and the body is its data, never SQL.
            return request with
            {
                Sql = query,
                InsertStatement = "INSERT INTO " + insert.Groups["target"].Value,
                InsertFormat = insert.Groups["format"].Value,
                InsertData = body,
            };
        }

        var text = Encoding.UTF8.GetString(body);
        return request with { Sql = query is null ? text : body.Length == 0 ? query : query + "\n" + text };
    }

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues value) =>
        string.IsNullOrEmpty(value.ToString()) ? null : value.ToString();

    [GeneratedRegex(@"^\s*INSERT\s+INTO\s+(?<target>.+?)\s+FORMAT\s+(?<format>[A-Za-z0-9_]+)\s*;?\s*\z", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex InsertWithFormat();

    [GeneratedRegex(@"\bFORMAT\s+(?<format>[A-Za-z0-9_]+)\s*;?\s*\z", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingFormat();
}
