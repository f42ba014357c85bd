namespace Intelligence.Deploy.Tests;

/// <summary>A Compose env file (<c>NAME=value</c> lines, <c>#</c> comments), as deploy/compose/.env.example is.</summary>
public static class EnvFile
{
    /// <summary>The names the file sets, in order.</summary>
    public static IReadOnlyList<string> Names(string path) =>
        (from line in File.ReadLines(path)
         let text = line.Trim()
         where text.Length > 0 && !text.StartsWith('#') && text.Contains('=', StringComparison.Ordinal)
         select text[..text.IndexOf('=', StringComparison.Ordinal)].Trim()).ToList();
}
