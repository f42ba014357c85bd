using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Intelligence.Analytics.Chdb;
using Intelligence.Analytics.RowBinary;

namespace Intelligence.Analytics.Tests;

[Collection(EngineCollection.Name)]
public sealed class RowBinaryTests(EngineFixture engine)
{
    private const string Columns =
        "name String, amount Decimal(18, 4), maybe Nullable(Decimal(18, 4)), at DateTime64(3, 'UTC'), " +
        "resolved Nullable(DateTime64(3, 'UTC')), minute DateTime('UTC'), tags Array(String), flag Bool, count Int64, " +
        "sequence UInt64, ratio Nullable(Float64), kind LowCardinality(Nullable(String)), note String DEFAULT 'none'";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly ChdbStore store = engine.Store;

    [Fact]
    public async Task A_table_holds_the_same_values_from_RowBinary_as_from_the_same_rows_as_JSON()
    {
        var database = await DatabaseAsync();
        Probe[] rows =
        [
            new(null, 1.23456m, null, Utc("2026-11-02 10:00:00.1239"), null, Utc("2026-11-02 10:00:00"), [], true, -3, 7, null, null),
            new("Crème brûlée ☕ \"quoted\"\n", -0.00005m, 12.5m, Utc("1969-12-31 23:59:59.9995"), Utc("2026-11-03 08:00:00.5"),
                Utc("2026-11-02 10:01:00"), ["a", "", "ü"], false, long.MaxValue, ulong.MaxValue, 0.1 + 0.2, "store"),
        ];

        await store.InsertAsync($"{database}.from_json", AsJson(rows));
        await store.InsertAsync($"{database}.from_binary", InsertBody.RowBinary(AsBinary(rows, await ColumnsAsync(database))));

        var differing = await store.QueryAsync(
            $"SELECT count() FROM (SELECT * FROM {database}.from_json EXCEPT ALL SELECT * FROM {database}.from_binary)", "TabSeparatedRaw");
        var stored = await store.QueryAsync($"SELECT count(), countIf(note = 'none') FROM {database}.from_binary", "TabSeparatedRaw");
        Assert.Equal("0\n", differing.Text);
        Assert.Equal("2\t2\n", stored.Text);
    }

    [Fact]
    public async Task A_null_into_a_column_that_is_not_Nullable_stores_the_default_and_digits_past_the_scale_are_cut_off()
    {
        var database = await DatabaseAsync();
        Probe[] rows = [new(null, 1.23459m, -2.00009m, Utc("1969-12-31 23:59:59.9995"), null, Utc("2026-11-02 10:00:00"), [], true, 1, 1, null, null)];

        await store.InsertAsync($"{database}.from_binary", InsertBody.RowBinary(AsBinary(rows, await ColumnsAsync(database))));

        var stored = await store.QueryAsync(
            $"SELECT name, amount, maybe, toUnixTimestamp64Milli(at), resolved IS NULL FROM {database}.from_binary", "TabSeparatedRaw");
        Assert.Equal("\t1.2345\t-2\t-1\t1\n", stored.Text);
    }

    [Fact]
    public async Task A_property_the_table_has_no_column_for_is_refused_when_the_writer_is_built()
    {
        var database = await DatabaseAsync();
        var columns = (await ColumnsAsync(database)).Of("from_binary").Where(c => c.Key != "ratio").ToDictionary();

        var error = Assert.Throws<InvalidOperationException>(() => Plan(columns));

        Assert.Contains("no column 'ratio'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_with_no_encoding_for_its_column_type_is_refused_naming_the_column()
    {
        var database = await DatabaseAsync();
        var columns = (await ColumnsAsync(database)).Of("from_binary").ToDictionary();
        columns["name"] = ColumnType.Parse("Int64");

        var error = Assert.Throws<NotSupportedException>(() => Plan(columns));

        Assert.Contains("'probe.name' is Int64 and the value is String", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_types_unwrap_low_cardinality_and_nullable_and_keep_what_the_table_declares()
    {
        var type = ColumnType.Parse("LowCardinality(Nullable(String))");
        var decimalType = ColumnType.Parse("Nullable(Decimal(18, 4))");

        Assert.Equal(("String", true, "LowCardinality(Nullable(String))"), (type.Base, type.Nullable, type.Declared));
        Assert.Equal(("Decimal", true, 18, 4), (decimalType.Name, decimalType.Nullable, decimalType.IntegerArgument(0), decimalType.IntegerArgument(1)));
    }

    private static RowBinaryPlan<Probe> Plan(IReadOnlyDictionary<string, ColumnType> columns) =>
        RowBinaryPlan.Compile<Probe>(typeof(Probe),
            typeof(Probe).GetProperties().Select(p => (JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name), p)), "probe", columns);

    private static ReadOnlyMemory<byte> AsBinary(IEnumerable<Probe> rows, TableColumns columns)
    {
        var plan = Plan(columns.Of("from_binary"));
        var buffer = new ArrayBufferWriter<byte>();
        plan.WriteHeader(buffer);
        foreach (var row in rows)
        {
            plan.Write(row, buffer);
        }

        return buffer.WrittenMemory;
    }

    // Times as JSONEachRow carries them everywhere else: whole milliseconds, as text.
    private static ReadOnlyMemory<byte> AsJson(IEnumerable<Probe> rows) => Encoding.UTF8.GetBytes(string.Join('\n', rows.Select(r =>
    {
        var node = JsonSerializer.SerializeToNode(r, Json)!.AsObject();
        foreach (var time in new[] { "at", "resolved", "minute" })
        {
            if (node[time] is { } value)
            {
                node[time] = value.GetValue<DateTimeOffset>().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
            }
        }

        return node.ToJsonString(Json);
    })));

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private async Task<string> DatabaseAsync()
    {
        var database = UniqueDatabase.Named("rowbinary");
        await store.ExecuteAsync($"CREATE DATABASE {database}");
        foreach (var table in new[] { "from_json", "from_binary" })
        {
            await store.ExecuteAsync($"CREATE TABLE {database}.{table} ({Columns}) ENGINE = MergeTree ORDER BY tuple()");
        }

        return database;
    }

    private Task<TableColumns> ColumnsAsync(string database) => TableColumns.LoadAsync(store, database);

    public sealed record Probe(
        string? Name, decimal Amount, decimal? Maybe, DateTimeOffset At, DateTimeOffset? Resolved, DateTimeOffset Minute,
        IReadOnlyList<string> Tags, bool Flag, long Count, ulong Sequence, double? Ratio, string? Kind);
}
