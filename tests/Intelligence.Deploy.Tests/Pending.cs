namespace Intelligence.Deploy.Tests;

/// <summary>
/// Settings and commands a deployment may pass before the code has them, while a role is being built:
/// the checks still fail for them (a deployment that passes settings nobody reads is not done), but say
/// "expected, not yet in the code" instead of "unknown". Empty when deployment and code agree, as now.
/// <see cref="PendingListTests"/> fails when an entry has landed in the code and should be removed.
/// </summary>
public static class Pending
{
    /// <summary>Sections the roles bind, with the keys the deployment sets in them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Sections { get; } =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase)
        {
        };

    /// <summary>Commands of the distributed roles, with the options the deployment passes them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Commands { get; } =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
        {
        };

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.OrdinalIgnoreCase);
}
