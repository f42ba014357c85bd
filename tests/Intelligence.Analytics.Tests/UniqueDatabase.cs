namespace Intelligence.Analytics.Tests;

/// <summary>Database names that no other test uses, so tests sharing one engine never see each other's rows.</summary>
public static class UniqueDatabase
{
    public static string Named(string purpose) => $"{purpose}_{Guid.NewGuid().ToString("N")[..12]}";
}
