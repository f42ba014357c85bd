using System.Text;
using CsCheck;
using Intelligence.Analytics.Chdb;

namespace Intelligence.Analytics.Tests;

[Collection(EngineCollection.Name)]
public sealed class QueryParameterTests(EngineFixture engine)
{
    private readonly ChdbStore store = engine.Store;

    [Fact]
    public async Task Typed_parameters_bind_on_the_engine_side()
    {
        var result = await store.QueryAsync(
            "SELECT {qty:Int32} * 2 AS doubled, {at:DateTime64(3, 'UTC')} AS at",
            "TabSeparated",
            new Dictionary<string, string> { ["qty"] = "21", ["at"] = "2026-11-02 10:00:00.250" });

        Assert.Equal("42\t2026-11-02 10:00:00.250\n", result.Text);
    }

    [Fact]
    public async Task Array_parameters_take_a_ClickHouse_literal()
    {
        var result = await store.QueryAsync(
            "SELECT arrayJoin({skus:Array(String)}) AS sku",
            "TabSeparatedRaw",
            new Dictionary<string, string> { ["skus"] = @"['SKU-1','O\'Brien']" });

        Assert.Equal("SKU-1\nO'Brien\n", result.Text);
    }

    [Theory]
    [InlineData("O'Brien \"quoted\" \\ backslash")]
    [InlineData("x'; DROP TABLE notes; --")]
    [InlineData("line one\nline two\ttabbed")]
    [InlineData(@"C:\new\table \N")]
    public async Task Text_parameters_are_stored_verbatim_never_run_as_sql(string note)
    {
        var database = UniqueDatabase.Named("params");
        await store.ExecuteAsync($"CREATE DATABASE {database}");
        await store.ExecuteAsync($"CREATE TABLE {database}.notes (note String) ENGINE = MergeTree ORDER BY tuple()");

        await store.QueryAsync(
            $"INSERT INTO {database}.notes SELECT {{note:String}}",
            parameters: new Dictionary<string, string> { ["note"] = note });

        var stored = await store.QueryAsync($"SELECT note FROM {database}.notes", "RawBLOB");
        Assert.Equal(note, stored.Text);
        Assert.Equal("1\n", (await store.QueryAsync($"EXISTS TABLE {database}.notes", "TabSeparated")).Text);
    }

    [Fact]
    public async Task Any_text_bound_as_a_parameter_comes_back_unchanged()
    {
        // Valid UTF-16 only: a lone surrogate has no UTF-8 form, so it could not round-trip anywhere.
        // CsCheck samples on several threads at once, which also exercises the store's serialization.
        await Gen.String
            .Where(s => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s)) == s)
            .SampleAsync(
                async text =>
                {
                    var echoed = await store.QueryAsync(
                        "SELECT {text:String}",
                        "RawBLOB",
                        new Dictionary<string, string> { ["text"] = text });
                    return echoed.Text == text;
                },
                iter: 300);
    }
}
