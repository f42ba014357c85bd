using System.Security.Cryptography.X509Certificates;

namespace Intelligence.Testing.ClickHouseHttp;

/// <summary>How a <see cref="ChdbHttpServer"/> listens and whom it lets in.</summary>
public sealed record ChdbHttpServerOptions
{
    /// <summary>When set, a request whose password differs is refused with code 516, as a server refuses it.</summary>
    public string? Password { get; init; }

    /// <summary>When set, the server speaks HTTPS with this certificate (it must name 127.0.0.1).</summary>
    public X509Certificate2? Certificate { get; init; }
}
