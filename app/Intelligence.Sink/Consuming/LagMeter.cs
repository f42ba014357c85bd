namespace Intelligence.Sink.Consuming;

/// <summary>
/// Measures how far behind the member is on each partition it holds (high watermark minus
/// position, both as the consumer last saw them, no broker call), at most once a second unless asked.
/// </summary>
internal sealed class LagMeter(ISinkConsumer consumer, SinkMetrics metrics, TimeProvider clock)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    private DateTimeOffset _measuredAt = DateTimeOffset.MinValue;

    public void Measure(bool now = false)
    {
        var at = clock.GetUtcNow();
        if (!now && at - _measuredAt < Every)
        {
            return;
        }

        _measuredAt = at;
        foreach (var partition in consumer.Assignment)
        {
            if (consumer.HighWatermark(partition) is { } high && consumer.Position(partition) is { } position)
            {
                metrics.Lag(partition, Math.Max(0, high - position));
            }
        }
    }
}
