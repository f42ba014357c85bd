using ClickHouse.Driver.ADO.Parameters;

namespace Intelligence.Analytics.ClickHouse;

/// <summary>
/// Sends each parameter's text as given. The store's callers pass every value as text (see
/// <see cref="IAnalyticsStore.QueryAsync"/>) and <see cref="QueryParameters.ForBinding"/> has already
/// put it in ClickHouse's escaped form, so the server binds exactly what chDB binds. The driver's own
/// formatting would escape a second time, refuse a DateTime64 given as text, and read an Array
/// literal as a sequence of characters.
/// </summary>
internal sealed class VerbatimParameters : IParameterFormatter
{
    public static readonly VerbatimParameters Instance = new();

    public string Format(object value, string typeName, string parameterName) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
