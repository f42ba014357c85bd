using System.Runtime.InteropServices;

namespace Intelligence.Analytics.Chdb;

/// <summary>
/// The part of chDB's C API (chdb.h of chdb-core 26.7) this store uses. "chdb" is resolved to the
/// located libchdb.so by <see cref="ChdbLibrary"/>. Handles are opaque pointers; every result and
/// insert stream returned here must be destroyed by the caller.
/// </summary>
internal static unsafe partial class ChdbNative
{
    internal const string LibraryName = "chdb";

    [LibraryImport(LibraryName, EntryPoint = "chdb_version")]
    internal static partial byte* Version();

    [LibraryImport(LibraryName, EntryPoint = "chdb_set_signal_handlers_enabled")]
    internal static partial void SetSignalHandlersEnabled(int enabled);

    /// <summary>Returns a pointer to the connection handle (dereference once), or null on failure.</summary>
    [LibraryImport(LibraryName, EntryPoint = "chdb_connect")]
    internal static partial nint* Connect(int argc, byte** argv);

    /// <summary>Takes the pointer returned by <see cref="Connect"/>, not the handle.</summary>
    [LibraryImport(LibraryName, EntryPoint = "chdb_close_conn")]
    internal static partial void CloseConnection(nint* connection);

    [LibraryImport(LibraryName, EntryPoint = "chdb_query_n")]
    internal static partial nint Query(nint connection, byte* query, nuint queryLength, byte* format, nuint formatLength);

    [LibraryImport(LibraryName, EntryPoint = "chdb_query_with_params_n")]
    internal static partial nint QueryWithParameters(
        nint connection,
        byte* query,
        nuint queryLength,
        byte* format,
        nuint formatLength,
        byte** names,
        nuint* nameLengths,
        byte** values,
        nuint* valueLengths,
        nuint count);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_buffer")]
    internal static partial byte* ResultBuffer(nint result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_length")]
    internal static partial nuint ResultLength(nint result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_error")]
    internal static partial byte* ResultError(nint result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_rows_read")]
    internal static partial ulong ResultRowsRead(nint result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_rows_written")]
    internal static partial ulong ResultRowsWritten(nint result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_elapsed")]
    internal static partial double ResultElapsedSeconds(nint result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_destroy_query_result")]
    internal static partial void DestroyResult(nint result);

    /// <summary>Never returns null; check <see cref="InsertStreamError"/> for a failed start.</summary>
    [LibraryImport(LibraryName, EntryPoint = "chdb_stream_insert_n")]
    internal static partial nint StreamInsert(nint connection, byte* query, nuint queryLength, byte* format, nuint formatLength);

    [LibraryImport(LibraryName, EntryPoint = "chdb_stream_insert_error")]
    internal static partial byte* InsertStreamError(nint stream);

    /// <summary>Copies the chunk; 0 is success.</summary>
    [LibraryImport(LibraryName, EntryPoint = "chdb_stream_append")]
    internal static partial int StreamAppend(nint stream, byte* data, nuint length);

    /// <summary>Commits the insert; the result must be destroyed, the stream destroyed separately.</summary>
    [LibraryImport(LibraryName, EntryPoint = "chdb_stream_done")]
    internal static partial nint StreamDone(nint stream);

    /// <summary>Required for every stream, on error paths too; cancels an unfinished insert.</summary>
    [LibraryImport(LibraryName, EntryPoint = "chdb_destroy_insert_stream")]
    internal static partial void DestroyInsertStream(nint stream);
}
