using Intelligence.Contracts;
using Intelligence.Processors;
using Intelligence.Processors.Alerts;
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

    public static ScenarioRun Play(SimulationOptions simulation, ProcessorOptions processors, Action<long>? progress = null)
    {
        var simulator = new RetailSimulator(simulation);
        var run = new ScenarioRun { Truths = simulator.GroundTruth, Span = simulation.Span };
        var engine = new FoldEngine(RetailTopology.Build(processors));
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
