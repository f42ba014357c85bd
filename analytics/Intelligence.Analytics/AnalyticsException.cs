using System.Globalization;
using System.Text.RegularExpressions;

namespace Intelligence.Analytics;

/// <summary>
/// An error reported by the analytics engine. <see cref="Exception.Message"/> is ClickHouse's own
/// text; <see cref="Code"/> is its numeric error code (60 = unknown table, 62 = syntax error, ...)
/// when the text carries one as "Code: NNN.".
/// </summary>
public sealed partial class AnalyticsException : Exception
{
    public AnalyticsException()
    {
    }

    public AnalyticsException(string message)
        : base(message)
    {
        Code = ParseCode(message);
    }

    public AnalyticsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ParseCode(message);
    }

    public int? Code { get; }

    private static int? ParseCode(string message)
    {
        var match = CodePattern().Match(message);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"Code: (\d{1,9})\.")]
    private static partial Regex CodePattern();
}
