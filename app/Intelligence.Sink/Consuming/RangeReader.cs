using System.Diagnostics;
using Confluent.Kafka;
using Intelligence.Kafka;
using Microsoft.Extensions.Logging;

namespace Intelligence.Sink.Consuming;

/// <summary>
/// Reads one offset range of one partition with a consumer of its own that is assigned the
/// partition directly: it never joins the group and never commits, so it can read a partition
/// another member holds. Used only to replay a batch that was planned before a crash.
/// </summary>
internal static class RangeReader
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<SinkRecord> Read(ConsumerConfig groupConfig, ILogger logger, PartitionId partition, long first,
        long last, CancellationToken cancellationToken)
    {
        var config = new ConsumerConfig(groupConfig.ToDictionary(c => c.Key, c => c.Value))
        {
            // The end of the partition says the rest of the range is gone (retention) or never committed.
            EnablePartitionEof = true,
            EnableAutoCommit = false,
        };
        using var reader = new ConsumerBuilder<Ignore, byte[]>(config)
            .SetLogHandler((_, message) => KafkaLog.Write(logger, message))
            .SetErrorHandler((_, error) => logger.LogDebug("Range reader: {Reason} ({Code})", error.Reason, error.Code))
            .Build();
        reader.Assign(new TopicPartitionOffset(ConfluentSinkConsumer.Tp(partition), new Offset(first)));
        var records = new List<SinkRecord>();
        var waiting = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = reader.Consume(TimeSpan.FromMilliseconds(200));
                if (result is null)
                {
                    if (waiting.Elapsed > Patience)
                    {
                        throw new TimeoutException($"Reading {partition} offsets {first}-{last} got nothing for {Patience}.");
                    }

                    continue;
                }

                waiting.Restart();
                if (result.IsPartitionEOF || result.Offset.Value > last)
                {
                    return records;
                }

                records.Add(ConfluentSinkConsumer.Record(result));
                if (result.Offset.Value == last)
                {
                    return records;
                }
            }
        }
        finally
        {
            reader.Close();
        }
    }
}
