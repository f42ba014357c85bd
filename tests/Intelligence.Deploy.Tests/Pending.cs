namespace Intelligence.Deploy.Tests;

/// <summary>
/// TODO (issue 6, distributed runtime): what the deployment already uses and the distributed roles' code
/// does not have yet. The checks still fail for these (a deployment that passes settings nobody reads is
/// not done); the lists only let the failure say "expected, not yet in the code" instead of "unknown".
/// Remove an entry when its section is registered in SettingsCatalog.Sections or its command in Cli:
/// <see cref="PendingListTests"/> fails until you do.
/// </summary>
public static class Pending
{
    /// <summary>Sections the roles bind, with the keys the deployment sets in them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Sections { get; } =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Kafka:Sink"] = Set("GroupId", "MaxBatchRows", "MaxBatchBytes", "Linger", "InitialBackoff", "MaxBackoff"),
        };

    /// <summary>Commands of the distributed roles, with the options the deployment passes them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Commands { get; } =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
        {
            ["sink"] = Set("kafka", "clickhouse", "config"),
        };

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.OrdinalIgnoreCase);
}
