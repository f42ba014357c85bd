namespace Intelligence.Kafka;

/// <summary>
/// The five topics of the distributed runtime, by role. The names are settings of the processors
/// (<c>Kafka:Processing:*Topic</c>); every role reads them from there so they cannot disagree.
/// </summary>
public sealed record TopicNames(string Events, string Messages, string Outputs, string DeadLetters, string Alerts)
{
    public IReadOnlyList<string> All => [Events, Messages, Outputs, DeadLetters, Alerts];
}
