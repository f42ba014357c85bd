namespace Intelligence.Analytics;

/// <summary>
/// A ClickHouse-dialect analytics store: chDB in the embedded runtime, a ClickHouse server in the
/// distributed one. Every ClickHouse error surfaces as <see cref="AnalyticsException"/>.
/// </summary>
public interface IAnalyticsStore : IAsyncDisposable
{
    /// <summary>Where the data lives, for logs and the console (e.g. "chDB 26.7.2.1 in memory").</summary>
    string Description { get; }

    /// <summary>Runs one statement whose output is not needed (DDL, INSERT ... SELECT, OPTIMIZE).</summary>
    Task ExecuteAsync(string sql, CancellationToken ct = default);

    /// <summary>
    /// Runs one query and returns its output in <paramref name="format"/>. Values in
    /// <paramref name="parameters"/> bind to <c>{name:Type}</c> placeholders on the engine side,
    /// so they are never spliced into SQL text. Scalar values are given verbatim (the store applies
    /// ClickHouse's escaping, see <see cref="QueryParameters"/>); Array, Tuple and Map values are
    /// ClickHouse literals such as <c>['SKU-1','SKU-2']</c>.
    /// </summary>
    Task<QueryResult> QueryAsync(
        string sql,
        string format = "TabSeparatedWithNames",
        IReadOnlyDictionary<string, string>? parameters = null,
        CancellationToken ct = default);

    /// <summary>
    /// Inserts rows given in ClickHouse's JSONEachRow format (one JSON object per line) into
    /// <paramref name="table"/> ("table" or "database.table"). With a
    /// <paramref name="deduplicationToken"/>, a retried batch with the same token is stored once on
    /// tables that keep a deduplication window.
    /// </summary>
    Task<InsertResult> InsertAsync(
        string table,
        ReadOnlyMemory<byte> jsonEachRow,
        string? deduplicationToken = null,
        CancellationToken ct = default);

    /// <summary>
    /// Inserts rows in the format <paramref name="rows"/> names, as the JSONEachRow overload does. A
    /// field or column the table does not have is an error in either format.
    /// </summary>
    Task<InsertResult> InsertAsync(
        string table,
        InsertBody rows,
        string? deduplicationToken = null,
        CancellationToken ct = default);
}
