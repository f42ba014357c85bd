using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Intelligence.Kafka;

/// <summary>librdkafka's own log lines, routed to the process's logger at their level instead of stderr.</summary>
public static class KafkaLog
{
    public static void Write(ILogger logger, LogMessage message)
    {
        var level = message.Level switch
        {
            SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
            SyslogLevel.Error => LogLevel.Error,
            SyslogLevel.Warning => LogLevel.Warning,
            SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
            _ => LogLevel.Debug,
        };

        // Connection refusals repeat every few milliseconds while a broker is down; BrokerHealth says it once.
        if (level >= LogLevel.Warning && message.Message.Contains("Connection refused", StringComparison.Ordinal))
        {
            level = LogLevel.Debug;
        }

        logger.Log(level, "librdkafka {Facility}: {Message}", message.Facility, message.Message);
    }
}
