namespace Intelligence.Analytics;

/// <summary>
/// The rows of one insert and the ClickHouse input format they are in. JSONEachRow is what every
/// producer can write; RowBinaryWithNamesAndTypes (a header of column names and types, then each row's
/// values in ClickHouse's binary encoding) is what the embedded sink writes for volume, because
/// ClickHouse parses it at about twice the speed and it is a fraction of the size.
/// </summary>
public readonly record struct InsertBody
{
    public const string JsonEachRowFormat = "JSONEachRow";

    public const string RowBinaryFormat = "RowBinaryWithNamesAndTypes";

    private InsertBody(ReadOnlyMemory<byte> rows, string format)
    {
        Rows = rows;
        Format = format;
    }

    public ReadOnlyMemory<byte> Rows { get; }

    public string Format { get; }

    public bool IsEmpty => Rows.IsEmpty;

    public static InsertBody JsonEachRow(ReadOnlyMemory<byte> rows) => new(rows, JsonEachRowFormat);

    /// <summary>Rows in RowBinaryWithNamesAndTypes, header included (see <c>RowBinary</c> writers).</summary>
    public static InsertBody RowBinary(ReadOnlyMemory<byte> rows) => new(rows, RowBinaryFormat);
}
