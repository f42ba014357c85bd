namespace Intelligence.Analytics.RowBinary;

/// <summary>
/// The columns an insert may name, per table of one database, as the store reports them (so a
/// RowBinaryWithNamesAndTypes header says exactly the types the tables declare). Computed columns
/// (MATERIALIZED, ALIAS) are left out: an insert cannot give them.
/// </summary>
public sealed class TableColumns
{
    private readonly Dictionary<string, Dictionary<string, ColumnType>> _tables;

    private TableColumns(string database, Dictionary<string, Dictionary<string, ColumnType>> tables)
    {
        Database = database;
        _tables = tables;
    }

    public string Database { get; }

    public static async Task<TableColumns> LoadAsync(IAnalyticsStore store, string database, CancellationToken ct = default)
    {
        var result = await store.QueryAsync(
            "SELECT table, name, type FROM system.columns WHERE database = {database:String} " +
            "AND default_kind NOT IN ('MATERIALIZED', 'ALIAS') ORDER BY table, position",
            "TabSeparatedRaw",
            new Dictionary<string, string> { ["database"] = database },
            ct).ConfigureAwait(false);
        var tables = new Dictionary<string, Dictionary<string, ColumnType>>(StringComparer.Ordinal);
        foreach (var line in result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t');
            if (!tables.TryGetValue(fields[0], out var columns))
            {
                tables[fields[0]] = columns = new Dictionary<string, ColumnType>(StringComparer.Ordinal);
            }

            columns[fields[1]] = ColumnType.Parse(fields[2]);
        }

        return new TableColumns(database, tables);
    }

    /// <summary>The insertable columns of <paramref name="table"/> (unqualified), by name.</summary>
    public IReadOnlyDictionary<string, ColumnType> Of(string table) =>
        _tables.TryGetValue(table, out var columns)
            ? columns
            : throw new InvalidOperationException(
                $"Table '{Database}.{table}' does not exist in the analytics store; run the migrations (the pipeline applies them at start).");
}
