using Intelligence.Analytics;

namespace Intelligence.Sink.Tests.Support;

/// <summary>
/// The real store with faults put in front of its inserts: <see cref="BeforeInsert"/> may throw
/// instead of inserting (a store that fails), <see cref="AfterInsert"/> may throw once the rows are
/// in (a process that dies after the store answered). Both get the table and the insert's number.
/// </summary>
public sealed class FaultyStore(IAnalyticsStore inner) : IAnalyticsStore
{
    private int _inserts;

    public Func<string, int, Exception?>? BeforeInsert { get; set; }

    public Func<string, int, Exception?>? AfterInsert { get; set; }

    public List<(string Table, string? Token)> Inserts { get; } = [];

    public string Description => inner.Description;

    public Task ExecuteAsync(string sql, CancellationToken ct = default) => inner.ExecuteAsync(sql, ct);

    public Task<QueryResult> QueryAsync(string sql, string format = "TabSeparatedWithNames",
        IReadOnlyDictionary<string, string>? parameters = null, CancellationToken ct = default) =>
        inner.QueryAsync(sql, format, parameters, ct);

    public Task<InsertResult> InsertAsync(string table, ReadOnlyMemory<byte> jsonEachRow, string? deduplicationToken = null,
        CancellationToken ct = default) =>
        InsertAsync(table, InsertBody.JsonEachRow(jsonEachRow), deduplicationToken, ct);

    public async Task<InsertResult> InsertAsync(string table, InsertBody rows, string? deduplicationToken = null,
        CancellationToken ct = default)
    {
        var number = Interlocked.Increment(ref _inserts);
        if (BeforeInsert?.Invoke(table, number) is { } failure)
        {
            throw failure;
        }

        var result = await inner.InsertAsync(table, rows, deduplicationToken, ct);
        lock (Inserts)
        {
            Inserts.Add((table, deduplicationToken));
        }

        return AfterInsert?.Invoke(table, number) is { } crash ? throw crash : result;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>What ClickHouse says when it is short of memory for a while: worth retrying.</summary>
    public static AnalyticsException Transient() =>
        new("Code: 241. DB::Exception: Memory limit (total) exceeded: would use 9.31 GiB. (MEMORY_LIMIT_EXCEEDED)");
}

/// <summary>The process dying at a chosen point, thrown through the worker like a crash would stop it.</summary>
public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("simulated crash")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
