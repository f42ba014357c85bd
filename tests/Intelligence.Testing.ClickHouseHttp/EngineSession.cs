using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Intelligence.Analytics.Chdb;

namespace Intelligence.Testing.ClickHouseHttp;

/// <summary>
/// Runs requests on the shared chDB engine as a server runs each HTTP request in a context of its
/// own: the URL's database and settings hold for that statement only. chDB has one session per
/// connection, so they are applied with USE and SET before the statement and put back after it,
/// all under the store's gate; any setting the statement itself changed is put back too.
/// </summary>
internal sealed partial class EngineSession
{
    /// <summary>ClickHouse's UNKNOWN_SETTING code.</summary>
    private const int UnknownSetting = 115;

    // Where the embedded engine's connection differs from a server's defaults: ChdbStore opens chDB
    // with best_effort timestamps, a server parses only "YYYY-MM-DD hh:mm:ss" unless told otherwise.
    // Serving server defaults keeps a client that forgets the setting from passing here and failing there.
    private static readonly Dictionary<string, string> ServerDefaults = new(StringComparer.Ordinal)
    {
        ["date_time_input_format"] = "basic",
    };

    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

    private readonly ChdbStore engine;
    private readonly Dictionary<string, string> baseline;

    private EngineSession(ChdbStore engine, Dictionary<string, string> baseline)
    {
        this.engine = engine;
        this.baseline = baseline;
    }

    /// <summary>Remembers the engine's own settings, which every request leaves as it found them.</summary>
    public static async Task<EngineSession> OpenAsync(ChdbStore engine, CancellationToken ct)
    {
        var baseline = await engine.RunAsync(c => Settings(c, "SELECT name, value FROM system.settings", NoParameters), ct);
        return new EngineSession(engine, baseline);
    }

    public Task<ChdbOutput> RunAsync(QueryRequest request, CancellationToken ct) => engine.RunAsync(c => Run(c, request), ct);

    /// <summary>A one-off statement outside any request, e.g. the fixture's own look-ups at start.</summary>
    public async Task<string> QueryTextAsync(string sql, IReadOnlyDictionary<string, string>? parameters, CancellationToken ct)
    {
        var output = await engine.RunAsync(c => c.QueryOutput(sql, "TabSeparated", parameters ?? NoParameters), ct);
        return Encoding.UTF8.GetString(output.Bytes);
    }

    /// <summary>The engine's number for each error name, so statuses follow the engine's own codes.</summary>
    public async Task<IReadOnlyList<(int Code, string Name)>> ErrorCodesAsync(IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var list = "[" + string.Join(",", names.Select(n => $"'{n}'")) + "]";
        var text = await QueryTextAsync(
            "SELECT number, errorCodeToName(number) FROM numbers(2000) WHERE has({names:Array(String)}, errorCodeToName(number))",
            new Dictionary<string, string> { ["names"] = list },
            ct);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(f => (int.Parse(f[0], CultureInfo.InvariantCulture), f[1]))
            .ToList();
    }

    private ChdbOutput Run(ChdbConnection connection, QueryRequest request)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (request.Database is not null)
            {
                Execute(connection, $"USE {QuoteIdentifier(request.Database)}");
            }

            var settings = new Dictionary<string, string>(ServerDefaults, StringComparer.Ordinal);
            foreach (var (name, value) in request.Settings)
            {
                settings[name] = value;
            }

            touched.UnionWith(settings.Keys.Select(SettingName));
            Execute(connection, "SET " + string.Join(", ", settings.Select(s => $"{s.Key} = {Literal(s.Value)}")));
            if (request.InsertStatement is not null)
            {
                var inserted = connection.Insert(request.InsertStatement, request.InsertFormat!, request.InsertData);
                return new ChdbOutput([], 0, inserted.RowsWritten, inserted.Elapsed);
            }

            return connection.QueryOutput(request.Sql, request.OutputFormat, request.Parameters);
        }
        finally
        {
            Restore(connection, touched);
        }
    }

    // The settings the request set, and any its statement changed with SET, go back to the values the
    // engine had when the fixture started.
    private void Restore(ChdbConnection connection, HashSet<string> touched)
    {
        Execute(connection, "USE default");
        var names = "[" + string.Join(",", touched.Select(n => $"'{n}'")) + "]";
        var current = Settings(
            connection,
            "SELECT name, value FROM system.settings WHERE changed OR has({names:Array(String)}, name)",
            new Dictionary<string, string> { ["names"] = names });
        var back = current
            .Where(s => baseline.TryGetValue(s.Key, out var kept) && kept != s.Value)
            .Select(s => $"{s.Key} = {Literal(baseline[s.Key])}")
            .ToList();
        if (back.Count > 0)
        {
            Execute(connection, "SET " + string.Join(", ", back));
        }
    }

    private static Dictionary<string, string> Settings(ChdbConnection connection, string sql, IReadOnlyDictionary<string, string> parameters)
    {
        var output = connection.QueryOutput(sql, "JSONCompactEachRow", parameters);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(output.Bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var row = JsonSerializer.Deserialize<string[]>(line)!;
            settings[row[0]] = row[1];
        }

        return settings;
    }

    private static void Execute(ChdbConnection connection, string sql) => connection.QueryOutput(sql, "Null", NoParameters);

    private static string SettingName(string name) => SettingNamePattern().IsMatch(name)
        ? name
        : throw new QueryRefusedException(UnknownSetting, $"Unknown setting '{name}'. (UNKNOWN_SETTING)");

    // Numbers stay numbers; anything else is a string literal, which the engine converts to the setting's type.
    private static string Literal(string value) => NumberPattern().IsMatch(value)
        ? value
        : "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    private static string QuoteIdentifier(string name) =>
        "`" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "`";

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,127}\z")]
    private static partial Regex SettingNamePattern();

    [GeneratedRegex(@"^-?[0-9]{1,18}(\.[0-9]{1,18})?\z")]
    private static partial Regex NumberPattern();
}
