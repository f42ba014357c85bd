namespace Intelligence.Analytics.Chdb;

/// <summary>A statement's output as the engine wrote it, in whatever format was asked, with its counters.</summary>
internal sealed record ChdbOutput(byte[] Bytes, ulong RowsRead, ulong RowsWritten, TimeSpan Elapsed);
