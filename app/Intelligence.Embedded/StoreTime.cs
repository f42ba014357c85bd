using Intelligence.Processors.Flow;

namespace Intelligence.Embedded;

/// <summary>Timestamps as ClickHouse reads a DateTime64(3, 'UTC') in JSONEachRow.</summary>
public static class StoreTime
{
    public static string Format(DateTimeOffset time) => RowJson.FormatTime(time);
}
