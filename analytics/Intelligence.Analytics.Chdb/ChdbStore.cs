namespace Intelligence.Analytics.Chdb;

/// <summary>
/// The analytics store of the embedded runtime: ClickHouse running in this process through chDB,
/// with data in memory or in a local folder. The engine holds one storage path per process, so
/// stores on a second path are refused while one is open; calls are serialized because a
/// connection runs one statement at a time.
/// </summary>
public sealed class ChdbStore : IAnalyticsStore
{
    private const string InMemory = ":memory:";

    // Settings every connection gets. best_effort lets JSONEachRow carry DateTime64 either as
    // "2026-11-02 10:00:00.000" or as ISO 8601 "2026-11-02T10:00:00.000Z".
    private static readonly string[] ConnectionSettings = ["--date_time_input_format=best_effort"];

    private static readonly Lock Opening = new();
    private static string? openPath;
    private static int openStores;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly string storagePath;
    private ChdbConnection? connection;

    private ChdbStore(ChdbConnection connection, string storagePath, string engineVersion)
    {
        this.connection = connection;
        this.storagePath = storagePath;
        Description = storagePath == InMemory
            ? $"chDB {engineVersion} in memory"
            : $"chDB {engineVersion} at {storagePath}";
    }

    public string Description { get; }

    /// <summary>
    /// Opens the engine with data in <paramref name="dataPath"/> (created if missing), or in
    /// memory when it is null. Fails when libchdb.so cannot be found, saying how to get it.
    /// </summary>
    public static ChdbStore Open(string? dataPath = null) => Open(dataPath, []);

    /// <summary>
    /// Opens the engine as <see cref="Open(string?)"/> does, with further engine arguments, e.g.
    /// <c>--config-file=...</c> to load a server-style configuration (users, profiles, quotas).
    /// The engine reads its configuration once per process: every store opened after the first
    /// must pass the same arguments.
    /// </summary>
    public static ChdbStore Open(string? dataPath, IReadOnlyList<string> engineArguments)
    {
        ArgumentNullException.ThrowIfNull(engineArguments);
        var path = dataPath is null ? InMemory : Path.GetFullPath(dataPath);
        lock (Opening)
        {
            if (openPath is not null && openPath != path)
            {
                throw new InvalidOperationException(
                    $"chDB is already open on {Describe(openPath)} in this process and the engine holds one storage path per process; " +
                    $"dispose that store before opening {Describe(path)}, or share it.");
            }

            var arguments = new List<string>(ConnectionSettings);
            arguments.AddRange(engineArguments);
            if (path != InMemory)
            {
                Directory.CreateDirectory(path);
                arguments.Add($"--path={path}");
            }

            var store = new ChdbStore(ChdbConnection.Open(arguments), path, ChdbLibrary.EngineVersion());
            openPath = path;
            openStores++;
            return store;
        }
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct = default) =>
        await RunAsync(c => c.Query(sql, "Null"), ct);

    public Task<QueryResult> QueryAsync(
        string sql,
        string format = "TabSeparatedWithNames",
        IReadOnlyDictionary<string, string>? parameters = null,
        CancellationToken ct = default) =>
        parameters is null || parameters.Count == 0
            ? RunAsync(c => c.Query(sql, format), ct)
            : RunAsync(c => c.Query(sql, format, QueryParameters.ForBinding(sql, parameters)), ct);

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
        // A field the table does not have is an error, not silently dropped: a row and its table
        // disagreeing is a bug to surface. The stream API takes no settings, so they travel in the
        // statement; the token is validated to a quote-free alphabet first.
        // The rows are written as sent, not summed or replaced within the insert first
        // (optimize_on_insert = 0): the writers send batches that already hold one row per key (counts
        // summed, the last state kept), merges and the queries (sum, FINAL) do it for the rest, and the
        // pass on insert was 4 times the rest of a KPI insert (docs/benchmarks.md).
        var insert = $"INSERT INTO {SqlNames.RequireTable(table)} SETTINGS input_format_skip_unknown_fields = 0, optimize_on_insert = 0";
        if (deduplicationToken is not null)
        {
            insert += $", insert_deduplication_token = '{SqlNames.RequireDeduplicationToken(deduplicationToken)}'";
        }

        return RunAsync(c => c.Insert(insert, rows.Format, rows.Rows.Span), ct);
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (connection is null)
            {
                return;
            }

            connection.Close();
            connection = null;
            lock (Opening)
            {
                if (--openStores == 0)
                {
                    openPath = null;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static string Describe(string path) => path == InMemory ? "in-memory storage" : $"'{path}'";

    /// <summary>
    /// Runs <paramref name="call"/> on the connection with the store's gate held, so a sequence of
    /// statements (the HTTP test fixture's USE, SET, query, restore) runs without another caller between them.
    /// </summary>
    internal async Task<T> RunAsync<T>(Func<ChdbConnection, T> call, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var open = connection ?? throw new ObjectDisposedException(nameof(ChdbStore), $"The chDB store on {Describe(storagePath)} is closed.");

            // The native call blocks for the statement's duration; keep it off the caller's thread.
            return await Task.Run(() => call(open), CancellationToken.None);
        }
        finally
        {
            gate.Release();
        }
    }
}
