using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Intelligence.Kafka;

/// <summary>
/// Whether a client's brokers answer, from librdkafka's error callbacks: logged once when they stop
/// answering, instead of librdkafka's report every 50 ms. They count as answering again once
/// <paramref name="progress"/> (records delivered, say) has moved since.
/// </summary>
public sealed class BrokerHealth(string brokers, ILogger logger, Func<long> progress)
{
    private int _down;
    private long _progressWhenDown;

    public bool Reachable
    {
        get
        {
            if (Volatile.Read(ref _down) == 0)
            {
                return true;
            }

            if (progress() <= Interlocked.Read(ref _progressWhenDown))
            {
                return false;
            }

            Interlocked.Exchange(ref _down, 0);
            logger.LogInformation("Kafka at {Brokers} answers again", brokers);
            return true;
        }
    }

    public void Report(Error error)
    {
        if (error.Code is ErrorCode.Local_AllBrokersDown or ErrorCode.Local_Transport)
        {
            Interlocked.Exchange(ref _progressWhenDown, progress());
            if (Interlocked.Exchange(ref _down, 1) == 0)
            {
                logger.LogWarning("Kafka at {Brokers} does not answer ({Reason}); records wait in the local queue and sources " +
                    "slow down when it is full. Check the brokers and --kafka / Kafka:BootstrapServers", brokers, error.Reason);
            }

            return;
        }

        if (error.IsFatal)
        {
            logger.LogCritical("Kafka client failed for good: {Reason} ({Code})", error.Reason, error.Code);
        }
        else
        {
            logger.LogWarning("Kafka: {Reason} ({Code})", error.Reason, error.Code);
        }
    }
}
