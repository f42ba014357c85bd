namespace Intelligence.Console.Tests;

/// <summary>Where Debian's Chromium is: <c>INTELLIGENCE_CHROMIUM</c>, else <c>/usr/bin/chromium</c>.</summary>
public static class Chromium
{
    public const string Missing =
        "No Chromium: install Debian's (apt-get install -y chromium, as .ci/run does) or set INTELLIGENCE_CHROMIUM to a Chromium binary.";

    public static string? Find()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("INTELLIGENCE_CHROMIUM"), "/usr/bin/chromium" };
        return candidates.FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));
    }
}
