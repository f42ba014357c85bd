namespace Intelligence.Kafka;

/// <summary>Kafka did not answer: the message names the brokers tried and what to check.</summary>
public sealed class KafkaUnreachableException : Exception
{
    public KafkaUnreachableException()
    {
    }

    public KafkaUnreachableException(string message)
        : base(message)
    {
    }

    public KafkaUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static KafkaUnreachableException For(string brokers, TimeSpan waited, Exception cause) =>
        new($"Kafka at {brokers} did not answer within {waited.TotalSeconds:0} s ({cause.Message}). " +
            "Is the broker running and reachable from here? Set the brokers with --kafka HOST:PORT or Kafka:BootstrapServers.",
            cause);
}
