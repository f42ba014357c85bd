namespace Intelligence.Kafka;

/// <summary>A topic as the catalogue declares it: name, partitions, replicas, configs and what it is for.</summary>
public sealed record TopicSpec(
    string Name,
    int Partitions,
    short ReplicationFactor,
    IReadOnlyDictionary<string, string> Configs,
    string Purpose);
