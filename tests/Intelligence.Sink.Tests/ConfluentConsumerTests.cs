using System.Diagnostics;
using Intelligence.Kafka;
using Intelligence.Sink.Consuming;
using Microsoft.Extensions.Logging;

namespace Intelligence.Sink.Tests;

/// <summary>The Confluent.Kafka adapter with no broker to talk to: it builds, polls nothing, and says so in the log.</summary>
public sealed class ConfluentConsumerTests
{
    [Fact]
    public void Without_a_broker_polling_returns_nothing_and_librdkafka_s_complaints_go_to_the_logger()
    {
        var logger = new ListLogger();
        var started = Stopwatch.StartNew();
        using (var consumer = new ConfluentSinkConsumer(new KafkaOptions { BootstrapServers = "127.0.0.1:1" }, new KafkaSinkOptions(), logger))
        {
            var assigned = 0;
            consumer.Subscribe(["retail-events"], _ => assigned++, _ => { });

            for (var i = 0; i < 5; i++)
            {
                Assert.Null(consumer.Poll(TimeSpan.FromMilliseconds(200)));
            }

            Assert.Equal(0, assigned);
            Assert.Empty(consumer.Assignment);
            consumer.Close();
        }

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"took {started.Elapsed}");
        Assert.Contains(logger.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("does not answer", StringComparison.Ordinal));
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
