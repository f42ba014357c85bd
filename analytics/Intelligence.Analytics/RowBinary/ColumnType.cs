using System.Globalization;

namespace Intelligence.Analytics.RowBinary;

/// <summary>
/// A column's ClickHouse type as RowBinary sees it: <c>LowCardinality</c> is only a storage choice
/// (encoded as its inner type), <c>Nullable</c> adds a null flag before the value. <see cref="Declared"/>
/// is the type as the table declares it, which is what a RowBinaryWithNamesAndTypes header must say.
/// </summary>
public sealed record ColumnType(string Declared, string Base, bool Nullable)
{
    public static ColumnType Parse(string declared)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(declared);
        var type = Unwrap(declared.Trim(), "LowCardinality", out _);
        type = Unwrap(type, "Nullable", out var nullable);
        return new ColumnType(declared, Unwrap(type, "LowCardinality", out _), nullable);
    }

    /// <summary>The arguments of a parametric type: <c>Decimal(18, 4)</c> gives ["18", "4"].</summary>
    public IReadOnlyList<string> Arguments
    {
        get
        {
            var open = Base.IndexOf('(');
            return open < 0
                ? []
                : Base[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }
    }

    /// <summary>The type's name without its arguments: <c>Decimal</c>, <c>DateTime64</c>, <c>Array</c>.</summary>
    public string Name => Base.IndexOf('(') is var open and >= 0 ? Base[..open] : Base;

    public int IntegerArgument(int index) => int.Parse(Arguments[index], NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Unwrap(string type, string wrapper, out bool wrapped)
    {
        wrapped = type.StartsWith(wrapper + "(", StringComparison.Ordinal) && type.EndsWith(')');
        return wrapped ? type[(wrapper.Length + 1)..^1].Trim() : type;
    }
}
