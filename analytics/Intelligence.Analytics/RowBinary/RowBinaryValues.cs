using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Intelligence.Analytics.RowBinary;

/// <summary>
/// Values in ClickHouse's RowBinary encoding: little-endian fixed-width numbers, strings and arrays
/// prefixed by their length as a LEB128 varint, times as integers since the Unix epoch, decimals as
/// scaled integers. Each value is what ClickHouse would store for the same value given as JSON text.
/// </summary>
public static class RowBinaryValues
{
    private static readonly long EpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    // 10^0 to 10^18: the scales of DateTime64 and Decimal64.
    private static readonly long[] Powers = [.. Enumerable.Range(0, 19).Select(n => (long)Math.Pow(10, n))];

    public static void WriteVarUInt(IBufferWriter<byte> buffer, ulong value)
    {
        var span = buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        buffer.Advance(i);
    }

    public static void WriteByte(IBufferWriter<byte> buffer, byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    public static void WriteBool(IBufferWriter<byte> buffer, bool value) => WriteByte(buffer, value ? (byte)1 : (byte)0);

    public static void WriteInt64(IBufferWriter<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    public static void WriteUInt64(IBufferWriter<byte> buffer, ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    public static void WriteInt32(IBufferWriter<byte> buffer, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    public static void WriteUInt32(IBufferWriter<byte> buffer, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    public static void WriteUInt16(IBufferWriter<byte> buffer, ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.GetSpan(2), value);
        buffer.Advance(2);
    }

    public static void WriteFloat64(IBufferWriter<byte> buffer, double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    /// <summary>A null string is written empty: what ClickHouse stores for a JSON null in a non-Nullable column.</summary>
    public static void WriteString(IBufferWriter<byte> buffer, string? value)
    {
        value ??= "";
        var length = Encoding.UTF8.GetByteCount(value);
        WriteVarUInt(buffer, (ulong)length);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
    }

    /// <summary>Text already in UTF-8, as a String.</summary>
    public static void WriteUtf8(IBufferWriter<byte> buffer, ReadOnlyMemory<byte> value) => WriteBytes(buffer, value.Span);

    public static void WriteBytes(IBufferWriter<byte> buffer, ReadOnlySpan<byte> value)
    {
        WriteVarUInt(buffer, (ulong)value.Length);
        buffer.Write(value);
    }

    public static void WriteStrings(IBufferWriter<byte> buffer, IEnumerable<string>? values)
    {
        if (values is null)
        {
            WriteVarUInt(buffer, 0);
            return;
        }

        var list = values as IReadOnlyList<string> ?? [.. values];
        WriteVarUInt(buffer, (ulong)list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            WriteString(buffer, list[i]);
        }
    }

    /// <summary>
    /// DateTime64(<paramref name="scale"/>): units of 10^-scale seconds since the epoch, rounded down, as
    /// the text form (which prints whole milliseconds of the time) is read.
    /// </summary>
    public static void WriteDateTime64(IBufferWriter<byte> buffer, DateTimeOffset value, int scale)
    {
        var units = Math.DivRem(value.UtcTicks - EpochTicks, TimeSpan.TicksPerSecond / Powers[scale], out var rest);
        WriteInt64(buffer, rest < 0 ? units - 1 : units);
    }

    /// <summary>DateTime: whole seconds since the epoch.</summary>
    public static void WriteDateTime(IBufferWriter<byte> buffer, DateTimeOffset value) =>
        WriteUInt32(buffer, (uint)value.ToUnixTimeSeconds());

    /// <summary>Date: days since the epoch.</summary>
    public static void WriteDate(IBufferWriter<byte> buffer, DateTimeOffset value) =>
        WriteUInt16(buffer, (ushort)((value.UtcTicks - EpochTicks) / TimeSpan.TicksPerDay));

    /// <summary>Decimal with up to 18 digits: the value scaled by 10^scale, digits past the scale cut off as ClickHouse cuts them off text.</summary>
    public static void WriteDecimal64(IBufferWriter<byte> buffer, decimal value, int scale) =>
        WriteInt64(buffer, (long)decimal.Truncate(value * Powers[scale]));

    public static void WriteDecimal32(IBufferWriter<byte> buffer, decimal value, int scale) =>
        WriteInt32(buffer, (int)decimal.Truncate(value * Powers[scale]));
}
