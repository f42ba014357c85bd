namespace Intelligence.Simulator;

/// <summary>
/// What a scenario did, where and when: the answer key for anomaly detection and alert tests.
/// </summary>
/// <param name="EntityKind"><c>promotion</c>, <c>supplier</c>, <c>node</c> or <c>product-line</c>.</param>
/// <param name="EntityId">The promotion id, supplier id, location id or category.</param>
public sealed record ScenarioTruth(
    Scenario Scenario,
    string EntityKind,
    string EntityId,
    string Description,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    IReadOnlyDictionary<string, string> Details);
