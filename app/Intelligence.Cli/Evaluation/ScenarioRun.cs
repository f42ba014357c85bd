using System.Text.Json;
using Intelligence.Contracts;
using Intelligence.Processors;
using Intelligence.Processors.Alerts;
using Intelligence.Processors.Anomalies;
using Intelligence.Processors.Flow;
using Intelligence.Simulator;

namespace Intelligence.Cli.Evaluation;

/// <summary>
/// Plays a simulated run through the processors in memory (no store): the inputs read as the
/// pipeline reads them, duplicates kept out, every event folded; returns the alert notices and the
/// ground truth. What `eval-anomaly` judges.
/// </summary>
public sealed class ScenarioRun : IOutputSink
{
    private readonly List<AlertNotice> _notices = [];

    private ScenarioRun()
    {
    }

    public required IReadOnlyList<ScenarioTruth> Truths { get; init; }

    public required TimeSpan Span { get; init; }

    public IReadOnlyList<AlertNotice> Notices => _notices;

    public long Events { get; private set; }

    public long Failures { get; private set; }

    private FoldEngine? Engine { get; set; }

    /// <summary>How many KPI series the run scored, and what their fold state weighs as JSON (what a Kafka store keeps per series).</summary>
    public string SeriesMemory()
    {
        var states = Engine!.Store(KpiSeriesFold.FoldName).Values.ToList();
        var json = states.Select(s => JsonSerializer.SerializeToUtf8Bytes(s, s.GetType()).Length).DefaultIfEmpty(0).ToList();
        return $"{states.Count} KPI series scored; their state as JSON: mean {json.Average():N0} bytes, largest {json.Max():N0} bytes per series";
    }

    public static ScenarioRun Play(SimulationOptions simulation, ProcessorOptions processors, Action<long>? progress = null)
    {
        var simulator = new RetailSimulator(simulation);
        var engine = new FoldEngine(RetailTopology.Build(processors));
        var run = new ScenarioRun { Truths = simulator.GroundTruth, Span = simulation.Span, Engine = engine };
        var reader = new EventReader(new EventReaderOptions(), simulator.Clock);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in simulator.Generate())
        {
            if (reader.Read(input.Json).Accepted is { } e && seen.Add(e.Id))
            {
                engine.Process(e, run);
                if (++run.Events % 50_000 == 0)
                {
                    progress?.Invoke(run.Events);
                }
            }
        }

        return run;
    }

    public void Row(OutputRow row)
    {
        if (row is AlertNotice notice)
        {
            _notices.Add(notice);
        }
    }

    public void Failed(in Message message, string fold, Exception error) => Failures++;
}
