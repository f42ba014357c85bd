using System.Globalization;

namespace Intelligence.Embedded;

/// <summary>Timestamps as ClickHouse reads a DateTime64(3, 'UTC') in JSONEachRow.</summary>
public static class StoreTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
