using System.Text;
using System.Text.Json;
using Intelligence.Embedded.Processing;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;

namespace Intelligence.Pipeline.Tests;

public sealed class OutputRowsTests
{
    [Fact]
    public void A_row_is_written_in_snake_case_with_store_times_and_without_its_routing_properties()
    {
        var row = new ProductRow("SKU-1", "Lamp", "home", "SUP-1", 10m, 10.5m, 0.5m, 25m, 40,
            new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero)) { Revision = 3 };

        var json = Write(row);

        Assert.Contains("\"landed_cost_variance\":0.5", json, StringComparison.Ordinal);
        Assert.Contains("\"updated_at\":\"2026-11-02 08:30:00.000\"", json, StringComparison.Ordinal);
        Assert.Contains("\"revision\":3", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"table\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"row_key\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Kpi_counts_of_one_metric_entity_and_minute_are_added_up_within_a_batch()
    {
        var batch = new OutputBatch();
        var at = new DateTimeOffset(2026, 11, 2, 8, 30, 10, TimeSpan.Zero);
        batch.Add(KpiCount.Of("orders_placed", "channel:webstore", at, 1));
        batch.Add(KpiCount.Of("orders_placed", "channel:webstore", at.AddSeconds(30), 2));
        batch.Add(KpiCount.Of("orders_placed", "channel:webstore", at.AddMinutes(1), 5));

        var rows = batch.ByTable().Single().Rows.Cast<KpiCount>().OrderBy(r => r.Minute).ToList();

        Assert.Equal([3d, 5d], rows.Select(r => r.Value));
        Assert.Equal([2L, 1L], rows.Select(r => r.Samples));
    }

    [Fact]
    public void Of_the_kpi_levels_of_one_metric_entity_and_minute_a_batch_writes_the_one_a_merge_would_keep()
    {
        var batch = new OutputBatch();
        var at = new DateTimeOffset(2026, 11, 2, 8, 30, 10, TimeSpan.Zero);
        batch.Add(KpiLevel.Of("backlog_lines", "node:DC-EAST", at, 12));
        batch.Add(KpiLevel.Of("backlog_lines", "node:DC-EAST", at.AddSeconds(40), 15));
        batch.Add(KpiLevel.Of("backlog_lines", "node:DC-EAST", at.AddSeconds(20), 99)); // late: observed before the 15
        batch.Add(KpiLevel.Of("backlog_lines", "node:DC-WEST", at, 7));
        batch.Add(KpiLevel.Of("backlog_lines", "node:DC-EAST", at.AddMinutes(1), 4));
        batch.Add(KpiLevel.Of("backlog_lines", "node:DC-EAST", at.AddMinutes(1), 5)); // the same time: the last one, as a merge keeps

        var rows = batch.ByTable().Single().Rows.Cast<KpiLevel>().ToList();

        Assert.Equal(3, batch.Rows);
        Assert.Equal([("node:DC-EAST", 15d), ("node:DC-WEST", 7d), ("node:DC-EAST", 5d)], rows.Select(r => (r.Entity, r.Value)));
    }

    [Fact]
    public void Only_the_latest_revision_of_an_entity_is_written_from_a_batch()
    {
        var batch = new OutputBatch();
        var at = new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero);
        batch.Add(new ProductRow("SKU-1", "Lamp", "home", "SUP-1", 10m, 10m, 0m, 25m, 0, at) { Revision = 1 });
        batch.Add(new ProductRow("SKU-1", "Lamp", "home", "SUP-1", 10m, 11m, 1m, 25m, 10, at) { Revision = 2 });

        var row = Assert.IsType<ProductRow>(batch.ByTable().Single().Rows.Single());

        Assert.Equal(2, row.Revision);
    }

    [Fact]
    public void A_batch_used_again_after_it_is_cleared_writes_only_its_new_rows_and_no_empty_table()
    {
        var batch = new OutputBatch();
        var at = new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero);
        batch.Add(KpiCount.Of("orders_placed", "channel:webstore", at, 1));
        batch.Add(KpiLevel.Of("backlog_lines", "node:DC-EAST", at, 12));
        batch.Add(ProcessingFailureRow.From(new Message("SKU-1", at, "evt-1", "test", at, new object()), "products", new InvalidOperationException("x"), at));
        Assert.Equal(3, batch.ByTable().Count());
        batch.Clear();

        batch.Add(KpiCount.Of("orders_placed", "channel:webstore", at.AddMinutes(1), 4));

        var (table, rows) = Assert.Single(batch.ByTable());
        Assert.Equal(KpiCount.TableName, table);
        Assert.Equal(4d, Assert.IsType<KpiCount>(Assert.Single(rows)).Value);
    }

    private static string Write(OutputRow row)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            RowJson.Write(writer, row);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
