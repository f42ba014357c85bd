using System.Buffers;
using System.Linq.Expressions;
using System.Reflection;

namespace Intelligence.Analytics.RowBinary;

/// <summary>
/// How rows of one CLR type are written to one table as RowBinaryWithNamesAndTypes: the header (the
/// row's columns, with the types the table declares) and a writer compiled once that encodes every
/// column of a row without boxing. A property the table has no column for is refused when the plan
/// is compiled, as a JSONEachRow insert refuses an unknown field; columns the row does not give take
/// their defaults.
/// </summary>
public sealed class RowBinaryPlan<T>
{
    private readonly byte[] _header;
    private readonly Action<T, IBufferWriter<byte>> _write;

    internal RowBinaryPlan(Type rowType, IReadOnlyList<string> names, byte[] header, Action<T, IBufferWriter<byte>> write)
    {
        RowType = rowType;
        Names = names;
        _header = header;
        _write = write;
    }

    /// <summary>The concrete type the plan reads (a subtype of <typeparamref name="T"/> for row hierarchies).</summary>
    public Type RowType { get; }

    /// <summary>The columns written, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    public void WriteHeader(IBufferWriter<byte> buffer) => buffer.Write(_header);

    public void Write(T row, IBufferWriter<byte> buffer) => _write(row, buffer);
}

/// <summary>Compiles <see cref="RowBinaryPlan{T}"/>s.</summary>
public static class RowBinaryPlan
{
    /// <param name="rowType"><typeparamref name="T"/> or a type derived from it, whose properties are read.</param>
    /// <param name="properties">Each column written, with the property of <paramref name="rowType"/> it takes.</param>
    /// <param name="table">The table's name, for errors.</param>
    /// <param name="columns">The table's insertable columns (<see cref="TableColumns"/>).</param>
    public static RowBinaryPlan<T> Compile<T>(Type rowType, IEnumerable<(string Column, PropertyInfo Property)> properties, string table,
        IReadOnlyDictionary<string, ColumnType> columns)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var buffer = Expression.Parameter(typeof(IBufferWriter<byte>), "buffer");
        var typed = Expression.Variable(rowType, "typed");
        var writes = new List<Expression> { Expression.Assign(typed, rowType == typeof(T) ? row : Expression.Convert(row, rowType)) };
        var names = new List<string>();
        foreach (var (name, property) in properties)
        {
            if (!columns.TryGetValue(name, out var column))
            {
                throw new InvalidOperationException($"{rowType.Name}.{property.Name} has no column '{name}' in table '{table}': the row and its table disagree.");
            }

            writes.Add(ColumnEncoding.Write(buffer, Expression.Property(typed, property), $"{table}.{name}", column));
            names.Add(name);
        }

        var header = new ArrayBufferWriter<byte>();
        RowBinaryValues.WriteVarUInt(header, (ulong)names.Count);
        foreach (var name in names)
        {
            RowBinaryValues.WriteString(header, name);
        }

        foreach (var name in names)
        {
            RowBinaryValues.WriteString(header, columns[name].Declared);
        }

        var write = Expression.Lambda<Action<T, IBufferWriter<byte>>>(Expression.Block([typed], writes), row, buffer).Compile();
        return new RowBinaryPlan<T>(rowType, names, header.WrittenSpan.ToArray(), write);
    }
}
