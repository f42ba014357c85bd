using Intelligence.Analytics;

namespace Intelligence.Analytics.ClickHouse;

/// <summary>
/// How the distributed runtime reaches its ClickHouse server; configuration section <c>ClickHouse</c>,
/// with <c>--clickhouse URL</c> overriding <see cref="Url"/> on the command line. The password is
/// never a setting here: it comes from <see cref="PasswordVariable"/> or <see cref="PasswordFile"/>,
/// so it stays out of configuration files, command lines and logs.
/// </summary>
public sealed record ClickHouseOptions
{
    public const string Section = "ClickHouse";

    /// <summary>The environment variable read for the password when no <see cref="PasswordFile"/> is named.</summary>
    public const string PasswordVariable = "INTELLIGENCE_CLICKHOUSE_PASSWORD";

    /// <summary>
    /// The server's HTTP interface, <c>http://host:8123</c> or <c>https://host:8443</c> (TLS). Give the
    /// port: a URL without one means 80 or 443. No credentials in it. Default http://localhost:8123.
    /// </summary>
    public string Url { get; init; } = "http://localhost:8123";

    /// <summary>The database the pipeline's tables live in; <c>migrate</c> creates it. Default intelligence.</summary>
    public string Database { get; init; } = "intelligence";

    /// <summary>The ClickHouse user. Default <c>default</c>.</summary>
    public string User { get; init; } = "default";

    /// <summary>A file holding the user's password (one line); otherwise <see cref="PasswordVariable"/>, else none.</summary>
    public string? PasswordFile { get; init; }

    /// <summary>
    /// A PEM file of the certificate authorities that sign the server's certificate, for an https
    /// <see cref="Url"/> whose certificate the system trust store does not vouch for. Unset: the system store.
    /// </summary>
    public string? CaCertificateFile { get; init; }

    /// <summary>How long one statement or insert may take, connecting included, before it fails as not answered. From 1 s to 1 h; default 30 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gzip request bodies (statements and inserted rows) and ask the server for gzip answers
    /// (<c>enable_http_compression</c>). Default on: JSONEachRow shrinks several times; turn it off
    /// on a loopback link, where compressing costs more CPU than it saves.
    /// </summary>
    public bool Compression { get; init; } = true;

    /// <summary>Each invalid setting, named by its configuration key with what it must be; empty when usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{Section}:Url must be an absolute http:// or https:// address such as http://localhost:8123 (is '{Url}')";
        }
        else
        {
            if (url.UserInfo.Length > 0)
            {
                yield return $"{Section}:Url must not carry credentials: set {Section}:User, and the password in {PasswordVariable} or {Section}:PasswordFile";
            }

            if (url.Query.Length > 0 || url.Fragment.Length > 0)
            {
                yield return $"{Section}:Url must not have a query or fragment (is '{Url}')";
            }

            if (CaCertificateFile is not null && url.Scheme != Uri.UriSchemeHttps)
            {
                yield return $"{Section}:CaCertificateFile applies to an https:// Url only (Url is '{Url}')";
            }
        }

        if (!IsIdentifier(Database))
        {
            yield return $"{Section}:Database must be letters, digits and '_', starting with a letter or '_', at most 63 characters (is '{Database}')";
        }

        if (string.IsNullOrWhiteSpace(User) || User.Contains(':', StringComparison.Ordinal) || User.Any(char.IsControl))
        {
            yield return $"{Section}:User must be a user name without ':' or control characters (is '{User}')";
        }

        if (PasswordFile is not null && !File.Exists(PasswordFile))
        {
            yield return $"{Section}:PasswordFile '{PasswordFile}' does not exist";
        }

        if (CaCertificateFile is not null && !File.Exists(CaCertificateFile))
        {
            yield return $"{Section}:CaCertificateFile '{CaCertificateFile}' does not exist";
        }

        if (Timeout < TimeSpan.FromSeconds(1) || Timeout > TimeSpan.FromHours(1))
        {
            yield return $"{Section}:Timeout must be from 00:00:01 to 01:00:00 (is {Timeout})";
        }
    }

    /// <summary>The password: the first line of <see cref="PasswordFile"/>, else <see cref="PasswordVariable"/>, else empty.</summary>
    public string ReadPassword() => PasswordFile is not null
        ? File.ReadAllText(PasswordFile).Split('\n')[0].TrimEnd('\r')
        : Environment.GetEnvironmentVariable(PasswordVariable) ?? string.Empty;

    private static bool IsIdentifier(string name)
    {
        try
        {
            SqlNames.RequireIdentifier(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
