using Intelligence.Anomaly.Evaluation;
using Intelligence.Anomaly.Models;
using Intelligence.Anomaly.Nab;
using Intelligence.Anomaly.Training;
using Intelligence.Cli.Evaluation;
using Intelligence.Processors;
using Intelligence.Simulator;

namespace Intelligence.Cli.Commands;

/// <summary><c>intelligence eval-anomaly</c>: how well the anomaly scoring and alerts do, on the simulator's ground truth and on NAB.</summary>
public static class EvalAnomalyCommand
{
    public const string Usage = """
        intelligence eval-anomaly [options]

        Measures the anomaly scoring and alerts, in memory (no store is touched):
          1. the simulator with its four scenarios on, and again with none (a clean run): per scenario,
             whether an alert named its promotion, supplier, node or product line, after what delay,
             and false alerts per simulated day;
          2. the NAB subset (../shared/datasets/nab, or INTELLIGENCE_DATASETS): window-based precision,
             recall and F1 per series and pooled, for our scorer (robust statistics alone, and with a
             PCA model trained on each series' first 15%) and for the five published detectors,
             computed by the same code.
        One configuration for everything: the Processors:Anomaly section of the settings.

          --events N         inputs per simulated run (default 200000)
          --seed S           simulator seed (default 42)
          --data DIR         use the latest model in DIR/models for the simulated runs (default ./data)
          --skip-nab         only the simulated runs
          --skip-scenarios   only NAB
          --config FILE      extra settings (JSON, same shape as appsettings.json)
        """;

    public static readonly IReadOnlySet<string> Valued = new HashSet<string>(["events", "seed", "data", "config"]);

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(["skip-nab", "skip-scenarios"]);

    public static int Execute(CommandLine line, Settings settings)
    {
        var processors = settings.Embedded().Processors;
        var data = line.Value("data") ?? settings.DataDirectory;
        var model = ModelStore.Latest(Path.Combine(data, "models"));
        if (!line.Flag("skip-scenarios"))
        {
            var simulation = new SimulationOptions
            {
                Events = (long)line.Number("events", 200_000, 10_000),
                Seed = (int)line.Number("seed", 42, int.MinValue),
                Scenarios = Enum.GetValues<Scenario>().ToHashSet(),
            };
            var withModel = processors with { Anomaly = processors.Anomaly with { Model = model } };
            System.Console.Error.WriteLine(model is null
                ? $"No anomaly model in {Path.Combine(data, "models")}: the simulated runs score on robust statistics alone (cold start)."
                : $"Simulated runs use anomaly model {model.Label} (trained {model.TrainedAt:yyyy-MM-dd HH:mm} on {model.DataFrom:yyyy-MM-dd} to {model.DataTo:yyyy-MM-dd}).");
            var scenarios = Play("with the four scenarios", simulation, withModel);
            var clean = Play("clean (no scenarios)", simulation with { Scenarios = new HashSet<Scenario>() }, withModel);
            System.Console.Out.WriteLine($"Scenarios: {simulation.Events:N0} inputs, seed {simulation.Seed}, {simulation.Span.TotalDays:0} simulated days");
            System.Console.Out.WriteLine(scenarios.SeriesMemory());
            System.Console.Out.WriteLine(ScenarioTable.Format(
                new ScenarioScorecard(scenarios.Truths, scenarios.Notices, scenarios.Span),
                new ScenarioScorecard(clean.Truths, clean.Notices, clean.Span), scenarios.Span, clean.Span));
        }

        if (!line.Flag("skip-nab"))
        {
            Nab(processors);
        }

        System.Console.Error.WriteLine("Measuring the scorer's cost...");
        System.Console.Out.WriteLine("Scoring cost: " + ScoringCost.Measure(processors.Anomaly.Scorer));
        return 0;
    }

    private static ScenarioRun Play(string label, SimulationOptions simulation, ProcessorOptions processors)
    {
        System.Console.Error.WriteLine($"Simulating {simulation.Events:N0} inputs, {label}, through the processors...");
        var run = ScenarioRun.Play(simulation, processors, done => System.Console.Error.WriteLine($"  {done:N0} events folded"));
        System.Console.Error.WriteLine($"  {run.Events:N0} events, {run.Notices.Count:N0} alert notices, {run.Failures} fold failures");
        return run;
    }

    private static void Nab(ProcessorOptions processors)
    {
        var corpus = NabCorpus.Locate(AppContext.BaseDirectory) ?? NabCorpus.Locate(Environment.CurrentDirectory);
        if (corpus is null)
        {
            System.Console.Out.WriteLine("NAB: the subset was not found. Set INTELLIGENCE_DATASETS to the folder holding nab/ (../shared/datasets).");
            return;
        }

        System.Console.Error.WriteLine($"Scoring the NAB subset in {corpus.Root} (and training a PCA model per series on its first 15%)...");
        var scorer = processors.Anomaly.Scorer;
        var report = NabEvaluation.Run(corpus, scorer, series => ModelTrainer.Train(series, scorer, new TrainingOptions(), DateTimeOffset.UtcNow));
        System.Console.Out.WriteLine($"NAB subset ({corpus.Series.Count} series), window metric: probation 15%, episodes of consecutive detections");
        System.Console.Out.WriteLine(report.Format());
        var ours = report.Pooled(NabEvaluation.RobustAndModel).F1;
        var numenta = report.Pooled("numenta").F1;
        System.Console.Out.WriteLine($"gap to numenta (HTM), its pooled F1 minus ours: {numenta - ours:+0.000;-0.000} with the PCA model, "
            + $"{numenta - report.Pooled(NabEvaluation.Robust).F1:+0.000;-0.000} with robust statistics alone");
    }
}
