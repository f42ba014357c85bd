using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;

namespace Intelligence.Cli;

/// <summary>Serilog, configured from the <c>Serilog</c> section of the settings.</summary>
public static class Logging
{
    public static Serilog.ILogger Create(Settings settings) =>
        new LoggerConfiguration().ReadFrom.Configuration(settings.Configuration).CreateLogger();

    public static ILoggerFactory Factory(Serilog.ILogger logger) => new SerilogLoggerFactory(logger, dispose: false);
}
