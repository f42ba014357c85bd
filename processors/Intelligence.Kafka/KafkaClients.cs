using Confluent.Kafka;

namespace Intelligence.Kafka;

/// <summary>Applies <see cref="KafkaOptions"/> to any librdkafka client configuration.</summary>
public static class KafkaClients
{
    public static T Configure<T>(T config, KafkaOptions options)
        where T : ClientConfig
    {
        config.BootstrapServers = options.BootstrapServers;
        config.SecurityProtocol = options.SecurityProtocol switch
        {
            KafkaSecurity.Ssl => SecurityProtocol.Ssl,
            KafkaSecurity.SaslPlaintext => SecurityProtocol.SaslPlaintext,
            KafkaSecurity.SaslSsl => SecurityProtocol.SaslSsl,
            _ => SecurityProtocol.Plaintext,
        };
        if (options.SecurityProtocol is KafkaSecurity.SaslPlaintext or KafkaSecurity.SaslSsl)
        {
            config.SaslMechanism = options.SaslMechanism switch
            {
                KafkaSaslMechanism.Plain => SaslMechanism.Plain,
                KafkaSaslMechanism.ScramSha256 => SaslMechanism.ScramSha256,
                _ => SaslMechanism.ScramSha512,
            };
            config.SaslUsername = options.SaslUsername;
            config.SaslPassword = SaslPassword(options);
        }

        config.SslCaLocation = options.SslCaLocation;
        config.SslCertificateLocation = options.SslCertificateLocation;
        config.SslKeyLocation = options.SslKeyLocation;
        return config;
    }

    /// <summary>
    /// An admin client on <paramref name="options"/>. librdkafka's own log lines are dropped: the callers
    /// turn its failures into one sentence (<see cref="KafkaUnreachableException"/>) instead.
    /// </summary>
    public static IAdminClient Admin(KafkaOptions options) =>
        new AdminClientBuilder(Configure(new AdminClientConfig(), options)).SetLogHandler((_, _) => { }).Build();

    private static string? SaslPassword(KafkaOptions options) =>
        options.SaslPasswordFile is { } file
            ? File.ReadAllText(file).TrimEnd('\r', '\n')
            : Environment.GetEnvironmentVariable(KafkaOptions.SaslPasswordVariable);
}
