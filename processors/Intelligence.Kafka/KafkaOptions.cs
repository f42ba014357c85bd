namespace Intelligence.Kafka;

/// <summary>
/// How every distributed role reaches Kafka: the brokers and the connection's security. Bound from
/// configuration section <c>Kafka</c>; <c>--kafka BROKERS</c> on the command line overrides
/// <see cref="BootstrapServers"/>. Secrets come only from environment variables or files.
/// </summary>
public sealed record KafkaOptions
{
    public const string Section = "Kafka";

    /// <summary>The environment variable read for the SASL password when no file is named.</summary>
    public const string SaslPasswordVariable = "INTELLIGENCE_KAFKA_SASL_PASSWORD";

    /// <summary>Kafka brokers, <c>host:port</c> separated by commas.</summary>
    public string BootstrapServers { get; init; } = "localhost:9092";

    /// <summary>Plaintext (default, a private network), Ssl, SaslPlaintext or SaslSsl.</summary>
    public KafkaSecurity SecurityProtocol { get; init; } = KafkaSecurity.Plaintext;

    /// <summary>With SASL: Plain, ScramSha256 or ScramSha512.</summary>
    public KafkaSaslMechanism SaslMechanism { get; init; } = KafkaSaslMechanism.ScramSha512;

    public string? SaslUsername { get; init; }

    /// <summary>A file holding the SASL password; otherwise <see cref="SaslPasswordVariable"/>.</summary>
    public string? SaslPasswordFile { get; init; }

    /// <summary>PEM file of the certificate authorities that sign the brokers' certificates (TLS).</summary>
    public string? SslCaLocation { get; init; }

    /// <summary>Client certificate and key (PEM) for brokers that require mutual TLS.</summary>
    public string? SslCertificateLocation { get; init; }

    public string? SslKeyLocation { get; init; }

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            yield return "Kafka:BootstrapServers must name at least one broker (host:port)";
        }
        else
        {
            foreach (var broker in BootstrapServers.Split(',', StringSplitOptions.TrimEntries).Where(b => !IsHostPort(b)))
            {
                yield return $"Kafka:BootstrapServers '{broker}' is not host:port";
            }
        }

        if (!Enum.IsDefined(SecurityProtocol))
        {
            yield return "Kafka:SecurityProtocol must be Plaintext, Ssl, SaslPlaintext or SaslSsl";
        }

        if (SecurityProtocol is KafkaSecurity.SaslPlaintext or KafkaSecurity.SaslSsl)
        {
            if (string.IsNullOrWhiteSpace(SaslUsername))
            {
                yield return $"Kafka:SaslUsername is needed with Kafka:SecurityProtocol {SecurityProtocol}";
            }

            if (SaslPasswordFile is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SaslPasswordVariable)))
            {
                yield return $"the SASL password is missing: set {SaslPasswordVariable} or Kafka:SaslPasswordFile";
            }
            else if (SaslPasswordFile is not null && !File.Exists(SaslPasswordFile))
            {
                yield return $"Kafka:SaslPasswordFile '{SaslPasswordFile}' does not exist";
            }
        }

        foreach (var (setting, path) in new[]
                 {
                     ("SslCaLocation", SslCaLocation), ("SslCertificateLocation", SslCertificateLocation),
                     ("SslKeyLocation", SslKeyLocation),
                 })
        {
            if (path is not null && !File.Exists(path))
            {
                yield return $"Kafka:{setting} '{path}' does not exist";
            }
        }
    }

    private static bool IsHostPort(string broker)
    {
        var colon = broker.LastIndexOf(':');
        return colon > 0 && int.TryParse(broker.AsSpan(colon + 1), out var port) && port is > 0 and < 65536;
    }
}

public enum KafkaSecurity
{
    Plaintext,
    Ssl,
    SaslPlaintext,
    SaslSsl,
}

public enum KafkaSaslMechanism
{
    Plain,
    ScramSha256,
    ScramSha512,
}
