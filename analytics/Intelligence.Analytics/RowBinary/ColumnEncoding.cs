using System.Linq.Expressions;
using System.Reflection;

namespace Intelligence.Analytics.RowBinary;

/// <summary>
/// Builds the expression that writes a CLR value into a column of a given ClickHouse type, in
/// RowBinary, with the conversions ClickHouse applies to the same value as JSON text: an integer
/// into any integer column, a number into a float, a time into DateTime64 or DateTime, a decimal
/// scaled, a null into a non-Nullable column as the type's default. A pairing it does not know is
/// refused when the writer is built, naming the column, never guessed at row time.
/// </summary>
public static class ColumnEncoding
{
    private static readonly Type Values = typeof(RowBinaryValues);

    public static Expression Write(Expression buffer, Expression value, string column, ColumnType type)
    {
        if (type.Nullable)
        {
            return WriteNullable(buffer, value, column, type);
        }

        // A null into a non-Nullable column stores the type's default, as JSON's null does.
        if (Nullable.GetUnderlyingType(value.Type) is not null)
        {
            value = Expression.Call(value, value.Type.GetMethod(nameof(Nullable<int>.GetValueOrDefault), Type.EmptyTypes)!);
        }

        return type.Name switch
        {
            "String" when value.Type == typeof(string) => Call(nameof(RowBinaryValues.WriteString), buffer, value),
            "String" when value.Type == typeof(ReadOnlyMemory<byte>) => Call(nameof(RowBinaryValues.WriteUtf8), buffer, value),
            "Array" when type.Arguments is ["String"] && typeof(IEnumerable<string>).IsAssignableFrom(value.Type) =>
                Call(nameof(RowBinaryValues.WriteStrings), buffer, Expression.Convert(value, typeof(IEnumerable<string>))),
            "Bool" when value.Type == typeof(bool) => Call(nameof(RowBinaryValues.WriteBool), buffer, value),
            "Int64" when IsInteger(value.Type) => Call(nameof(RowBinaryValues.WriteInt64), buffer, Expression.Convert(value, typeof(long))),
            "Int32" when IsInteger(value.Type) => Call(nameof(RowBinaryValues.WriteInt32), buffer, Expression.Convert(value, typeof(int))),
            "UInt64" when IsInteger(value.Type) => Call(nameof(RowBinaryValues.WriteUInt64), buffer, Expression.Convert(value, typeof(ulong))),
            "UInt32" when IsInteger(value.Type) => Call(nameof(RowBinaryValues.WriteUInt32), buffer, Expression.Convert(value, typeof(uint))),
            "UInt16" when IsInteger(value.Type) => Call(nameof(RowBinaryValues.WriteUInt16), buffer, Expression.Convert(value, typeof(ushort))),
            "Float64" when IsNumber(value.Type) => Call(nameof(RowBinaryValues.WriteFloat64), buffer, Expression.Convert(value, typeof(double))),
            "DateTime64" when value.Type == typeof(DateTimeOffset) =>
                Call(nameof(RowBinaryValues.WriteDateTime64), buffer, value, Expression.Constant(type.IntegerArgument(0))),
            "DateTime" when value.Type == typeof(DateTimeOffset) => Call(nameof(RowBinaryValues.WriteDateTime), buffer, value),
            "Date" when value.Type == typeof(DateTimeOffset) => Call(nameof(RowBinaryValues.WriteDate), buffer, value),
            "Decimal" when value.Type == typeof(decimal) && type.IntegerArgument(0) <= 9 =>
                Call(nameof(RowBinaryValues.WriteDecimal32), buffer, value, Expression.Constant(type.IntegerArgument(1))),
            "Decimal" when value.Type == typeof(decimal) && type.IntegerArgument(0) <= 18 =>
                Call(nameof(RowBinaryValues.WriteDecimal64), buffer, value, Expression.Constant(type.IntegerArgument(1))),
            _ => throw new NotSupportedException(
                $"Column '{column}' is {type.Declared} and the value is {value.Type.Name}: RowBinary has no encoding for that pair here; " +
                "add one to ColumnEncoding or write the table as JSONEachRow."),
        };
    }

    private static Expression WriteNullable(Expression buffer, Expression value, string column, ColumnType type)
    {
        var inner = type with { Nullable = false };
        var present = Expression.Block(
            Call(nameof(RowBinaryValues.WriteByte), buffer, Expression.Constant((byte)0)),
            Write(buffer, value, column, inner));
        if (value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) is null)
        {
            return present;
        }

        var hasValue = Nullable.GetUnderlyingType(value.Type) is not null
            ? (Expression)Expression.Property(value, "HasValue")
            : Expression.NotEqual(value, Expression.Constant(null, value.Type));
        var absent = Call(nameof(RowBinaryValues.WriteByte), buffer, Expression.Constant((byte)1));
        return Expression.IfThenElse(hasValue, present, absent);
    }

    private static MethodCallExpression Call(string method, params Expression[] arguments)
    {
        var target = Values.GetMethod(method, BindingFlags.Public | BindingFlags.Static, arguments.Select(a => a.Type).ToArray())
            ?? throw new MissingMethodException(Values.Name, method);
        return Expression.Call(target, arguments);
    }

    private static bool IsInteger(Type type) =>
        type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte)
        || type == typeof(ulong) || type == typeof(uint) || type == typeof(ushort);

    private static bool IsNumber(Type type) => IsInteger(type) || type == typeof(double) || type == typeof(float) || type == typeof(decimal);
}
