using System.Runtime.InteropServices;
using System.Text;

namespace Intelligence.Analytics.Chdb;

/// <summary>
/// One native chDB connection. Synchronous and not thread-safe: the engine runs one statement per
/// connection at a time, so <see cref="ChdbStore"/> serializes every call. Each native result is
/// read into managed memory and destroyed before a method returns, errors included.
/// </summary>
internal sealed unsafe class ChdbConnection
{
    private nint* slot;

    private ChdbConnection(nint* slot) => this.slot = slot;

    private nint Handle => slot is not null && *slot != 0
        ? *slot
        : throw new ObjectDisposedException(nameof(ChdbConnection));

    /// <summary>Opens a connection with command-line style arguments (e.g. "--path=/data").</summary>
    public static ChdbConnection Open(IReadOnlyList<string> arguments)
    {
        ChdbLibrary.EnsureLoaded();

        // argv[0] is the program name, as for clickhouse-local.
        var argv = arguments.Prepend("clickhouse").Select(a => Marshal.StringToCoTaskMemUTF8(a)).ToArray();
        try
        {
            fixed (nint* argvPointer = argv)
            {
                var slot = ChdbNative.Connect(argv.Length, (byte**)argvPointer);
                if (slot is null || *slot == 0)
                {
                    throw new AnalyticsException(
                        $"chDB refused to open a connection with arguments [{string.Join(' ', arguments)}]; the engine's reason is on stderr.");
                }

                return new ChdbConnection(slot);
            }
        }
        finally
        {
            foreach (var argument in argv)
            {
                Marshal.FreeCoTaskMem(argument);
            }
        }
    }

    public QueryResult Query(string sql, string format)
    {
        var query = Encoding.UTF8.GetBytes(sql);
        var formatBytes = Encoding.UTF8.GetBytes(format);
        fixed (byte* q = query, f = formatBytes)
        {
            return ReadAndDestroy(ChdbNative.Query(Handle, q, (nuint)query.Length, f, (nuint)formatBytes.Length));
        }
    }

    public QueryResult Query(string sql, string format, IReadOnlyDictionary<string, string> parameters)
    {
        var query = Encoding.UTF8.GetBytes(sql);
        var formatBytes = Encoding.UTF8.GetBytes(format);
        using var bound = new Utf8Parameters(parameters);
        fixed (byte* q = query, f = formatBytes)
        {
            return ReadAndDestroy(ChdbNative.QueryWithParameters(
                Handle, q, (nuint)query.Length, f, (nuint)formatBytes.Length,
                bound.Names, bound.NameLengths, bound.Values, bound.ValueLengths, (nuint)bound.Count));
        }
    }

    /// <summary>
    /// Runs one statement and returns its output as bytes, so any format, binary ones included,
    /// reaches the caller unchanged (the chDB HTTP test fixture serves them).
    /// </summary>
    public ChdbOutput QueryOutput(string sql, string format, IReadOnlyDictionary<string, string> parameters)
    {
        var query = Encoding.UTF8.GetBytes(sql);
        var formatBytes = Encoding.UTF8.GetBytes(format);
        using var bound = new Utf8Parameters(parameters);
        fixed (byte* q = query, f = formatBytes)
        {
            var result = parameters.Count == 0
                ? ChdbNative.Query(Handle, q, (nuint)query.Length, f, (nuint)formatBytes.Length)
                : ChdbNative.QueryWithParameters(
                    Handle, q, (nuint)query.Length, f, (nuint)formatBytes.Length,
                    bound.Names, bound.NameLengths, bound.Values, bound.ValueLengths, (nuint)bound.Count);
            return ReadOutputAndDestroy(result);
        }
    }

    /// <summary>Streams <paramref name="data"/> into <paramref name="insert"/> (an INSERT without FORMAT).</summary>
    public InsertResult Insert(string insert, string format, ReadOnlySpan<byte> data)
    {
        var query = Encoding.UTF8.GetBytes(insert);
        var formatBytes = Encoding.UTF8.GetBytes(format);
        nint stream;
        fixed (byte* q = query, f = formatBytes)
        {
            stream = ChdbNative.StreamInsert(Handle, q, (nuint)query.Length, f, (nuint)formatBytes.Length);
        }

        try
        {
            ThrowIfFailed(ChdbNative.InsertStreamError(stream));

            // An empty batch is committed without an append: pinning an empty span gives a null pointer.
            fixed (byte* chunk = data)
            {
                if (!data.IsEmpty && ChdbNative.StreamAppend(stream, chunk, (nuint)data.Length) != 0)
                {
                    ThrowIfFailed(ChdbNative.InsertStreamError(stream));
                    throw new AnalyticsException("chDB rejected the insert data without giving a reason.");
                }
            }

            var result = ReadAndDestroy(ChdbNative.StreamDone(stream), out var rowsWritten);
            return new InsertResult(rowsWritten, result.Elapsed);
        }
        finally
        {
            ChdbNative.DestroyInsertStream(stream);
        }
    }

    public void Close()
    {
        if (slot is not null)
        {
            ChdbNative.CloseConnection(slot);
            slot = null;
        }
    }

    private static QueryResult ReadAndDestroy(nint result) => ReadAndDestroy(result, out _);

    private static QueryResult ReadAndDestroy(nint result, out ulong rowsWritten)
    {
        if (result == 0)
        {
            throw new AnalyticsException("chDB returned no result for the statement.");
        }

        try
        {
            ThrowIfFailed(ChdbNative.ResultError(result));
            var length = checked((int)ChdbNative.ResultLength(result));
            var text = length == 0 ? string.Empty : Encoding.UTF8.GetString(ChdbNative.ResultBuffer(result), length);
            rowsWritten = ChdbNative.ResultRowsWritten(result);
            return new QueryResult(
                text,
                ChdbNative.ResultRowsRead(result),
                TimeSpan.FromSeconds(ChdbNative.ResultElapsedSeconds(result)));
        }
        finally
        {
            ChdbNative.DestroyResult(result);
        }
    }

    private static ChdbOutput ReadOutputAndDestroy(nint result)
    {
        if (result == 0)
        {
            throw new AnalyticsException("chDB returned no result for the statement.");
        }

        try
        {
            ThrowIfFailed(ChdbNative.ResultError(result));
            var length = checked((int)ChdbNative.ResultLength(result));
            var bytes = length == 0 ? [] : new ReadOnlySpan<byte>(ChdbNative.ResultBuffer(result), length).ToArray();
            return new ChdbOutput(
                bytes,
                ChdbNative.ResultRowsRead(result),
                ChdbNative.ResultRowsWritten(result),
                TimeSpan.FromSeconds(ChdbNative.ResultElapsedSeconds(result)));
        }
        finally
        {
            ChdbNative.DestroyResult(result);
        }
    }

    private static void ThrowIfFailed(byte* error)
    {
        if (error is not null)
        {
            throw new AnalyticsException(Marshal.PtrToStringUTF8((nint)error)?.Trim() ?? "chDB reported an error without a message.");
        }
    }
}
