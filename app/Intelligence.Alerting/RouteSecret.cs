using System.Text;

namespace Intelligence.Alerting;

/// <summary>
/// A webhook route's HMAC key, read from the environment or from a file so that it never sits in a
/// configuration file. What is wrong with it is told by the setting's name; the value is never shown.
/// </summary>
internal static class RouteSecret
{
    /// <summary>Shorter keys are refused: they can be guessed.</summary>
    public const int MinimumBytes = 16;

    public static byte[] Read(AlertRoute route) =>
        TryRead(route, $"route '{route.Name}'", out var problem) ?? throw new InvalidOperationException(problem);

    /// <summary>The secret's bytes, or null and what is wrong, phrased under <paramref name="key"/>.</summary>
    public static byte[]? TryRead(AlertRoute route, string key, out string? problem)
    {
        var text = Text(route, key, out problem);
        if (text is null)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length < MinimumBytes)
        {
            problem = $"{key}: the secret is shorter than {MinimumBytes} bytes; generate one with `openssl rand -hex 32`";
            return null;
        }

        return bytes;
    }

    private static string? Text(AlertRoute route, string key, out string? problem)
    {
        problem = null;
        var variable = route.SecretVariable;
        var file = route.SecretFile;
        if (!string.IsNullOrWhiteSpace(variable) && !string.IsNullOrWhiteSpace(file))
        {
            problem = $"{key} sets both SecretVariable and SecretFile: keep one";
            return null;
        }

        if (!string.IsNullOrWhiteSpace(variable))
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(value))
            {
                problem = $"{key}:SecretVariable names '{variable}', which is not set (or empty) in this process's environment";
            }

            return string.IsNullOrEmpty(value) ? null : value;
        }

        if (!string.IsNullOrWhiteSpace(file))
        {
            return FromFile(file, key, out problem);
        }

        problem = $"{key} is a webhook without a secret: set SecretVariable to the name of an environment variable "
            + "that holds it, or SecretFile to the path of a file that holds it";
        return null;
    }

    private static string? FromFile(string path, string key, out string? problem)
    {
        problem = null;
        try
        {
            var value = File.ReadAllText(path).TrimEnd('\r', '\n');
            if (value.Length == 0)
            {
                problem = $"{key}:SecretFile '{path}' is empty";
                return null;
            }

            return value;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = $"{key}:SecretFile '{path}' does not exist";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = $"{key}:SecretFile '{path}' cannot be read: {e.Message}";
            return null;
        }
    }
}
