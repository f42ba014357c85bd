namespace Intelligence.Anomaly.Models;

/// <summary>
/// The trained models of every KPI family, as saved by <c>./intelligence train</c>: a version, when
/// it was trained and the window of data it saw. Loaded at start; a family without a model is
/// scored on robust statistics alone (cold start), and says so.
/// </summary>
public sealed record AnomalyModel
{
    public required int Version { get; init; }

    public required DateTimeOffset TrainedAt { get; init; }

    /// <summary>The first and last bucket of the history the models were trained on.</summary>
    public required DateTimeOffset DataFrom { get; init; }

    public required DateTimeOffset DataTo { get; init; }

    /// <summary>Models by KPI family (<c>demand</c>, <c>backlog</c>...).</summary>
    public required IReadOnlyDictionary<string, FamilyModel> Families { get; init; }

    public string Label => $"v{Version}";

    public FamilyModel? For(string family) => Families.GetValueOrDefault(family);
}
