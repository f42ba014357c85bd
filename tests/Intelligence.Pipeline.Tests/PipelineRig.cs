using System.Globalization;
using Intelligence.Embedded;
using Intelligence.Simulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intelligence.Pipeline.Tests;

/// <summary>Runs the embedded pipeline over the shared store in a fresh database and reads back what it stored.</summary>
public static class PipelineRig
{
    public static EmbeddedOptions Options(string database, SinkOptions? sink = null) => new()
    {
        Database = database,
        Sink = sink ?? new SinkOptions { MaxBatchRows = 5_000, Linger = TimeSpan.FromMilliseconds(20) },
    };

    /// <summary>Runs a simulation through the pipeline; with <paramref name="record"/>, also stores the run's account and ground truth.</summary>
    public static async Task<RunSummary> SimulateAsync(string database, SimulationOptions simulation, bool record = false,
        SinkOptions? sink = null)
    {
        await using var pipeline = await EmbeddedPipeline.StartAsync(SharedStore.Instance, Options(database, sink),
            TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
        var simulator = new RetailSimulator(simulation);
        await new SimulatorSource(simulator).RunAsync(pipeline.Gate, CancellationToken.None);
        var summary = await pipeline.CompleteAsync(TimeProvider.System, CancellationToken.None);
        if (record)
        {
            await RunRecords.SaveRunAsync(SharedStore.Instance, database, summary, "simulator", "test", CancellationToken.None);
            await RunRecords.SaveTruthAsync(SharedStore.Instance, database, summary.RunId, simulator.GroundTruth, CancellationToken.None);
        }

        return summary;
    }

    public static async Task<string> QueryAsync(string sql) =>
        (await SharedStore.Instance.QueryAsync(sql, "TabSeparated")).Text.Trim();

    public static async Task<long> CountAsync(string sql) =>
        long.Parse(await QueryAsync(sql), CultureInfo.InvariantCulture);

    /// <summary>A fingerprint of every stored event row, independent of insert order.</summary>
    public static Task<string> FingerprintAsync(string database) => QueryAsync(
        $"SELECT count(), sum(cityHash64(event_id, family, type, source, occurred_at, received_at, schema_version, partition_key, log_partition, log_offset, payload)) FROM {database}.raw_events");
}
