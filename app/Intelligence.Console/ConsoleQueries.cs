using Intelligence.Analytics;
using Intelligence.Dashboards;

namespace Intelligence.Console;

/// <summary>
/// The console's queries on the store, one at a time. <see cref="PanelQueries"/> chooses the
/// database with <c>USE</c> on the store's one session before each query, so two browser requests
/// running at once could interleave their statements; a lock keeps each <c>USE</c> with its query.
/// </summary>
public sealed class ConsoleQueries(IAnalyticsStore store, string database, TimeProvider clock) : IDisposable
{
    /// <summary>The open alerts the strip on every page shows, worst first (the view's order).</summary>
    public const string OpenAlertsSql = """
        SELECT severity, kind, entity, cause, next_action, team, opened_at
        FROM open_alerts
        LIMIT 500
        """;

    /// <summary>The stored data's span in event time, for the time picker's default range.</summary>
    public const string DataSpanSql = """
        SELECT min(occurred_at) AS first_event, max(occurred_at) AS last_event, count() AS events
        FROM raw_events
        """;

    private readonly SemaphoreSlim _one = new(1, 1);

    public string Database => database;

    /// <summary>The clock for an empty store's default range (the last 30 days).</summary>
    public TimeProvider Clock => clock;

    public Task<IReadOnlyList<PanelResult>> RunPanelAsync(Panel panel, QueryContext context, CancellationToken ct) =>
        OneAtATimeAsync(() => PanelQueries.RunAsync(store, database, panel, context, ct), ct);

    public Task<IReadOnlyList<string>> VariableOptionsAsync(TemplateVariable variable, QueryContext context, CancellationToken ct) =>
        OneAtATimeAsync(() => PanelQueries.VariableOptionsAsync(store, database, variable, context, ct), ct);

    public Task<PanelResult> RunSqlAsync(string name, string sql, CancellationToken ct) =>
        OneAtATimeAsync(() => PanelQueries.RunSqlAsync(store, database, name, sql, ct), ct);

    /// <summary>Makes the store's session read-only: the console only reads.</summary>
    public Task MakeReadOnlyAsync(CancellationToken ct) =>
        OneAtATimeAsync(async () =>
        {
            await store.ExecuteAsync("SET readonly = 1", ct).ConfigureAwait(false);
            return true;
        }, ct);

    public void Dispose() => _one.Dispose();

    private async Task<T> OneAtATimeAsync<T>(Func<Task<T>> query, CancellationToken ct)
    {
        await _one.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await query().ConfigureAwait(false);
        }
        finally
        {
            _one.Release();
        }
    }
}
