using System.Buffers;
using System.IO.Pipelines;

namespace Intelligence.Ingest.Sources;

/// <summary>
/// Reads a JSON-lines file, one event a line, through the gate. Blank lines are not inputs.
/// A line is held in memory up to <see cref="MaxLineBytes"/>; beyond that it is cut (and refused
/// as oversize by the gate), so a hostile file cannot exhaust memory. It can start at a
/// <see cref="SourcePosition"/> a checkpoint kept, and tells <c>consumed</c> where it stands after each input.
/// Given the file's <see cref="RecordedArrivals"/>, it judges each input at its own arrival (a replay);
/// otherwise by <c>clock</c>.
/// </summary>
public sealed class JsonLinesFileSource(string path, TimeProvider clock, SourcePosition start = default, InputConsumed? consumed = null,
    RecordedArrivals? arrivals = null)
{
    private readonly ReplayClock? _replay = arrivals is null ? null : new ReplayClock(clock.GetUtcNow());
    private long _inputs = start.Inputs;

    public const int MaxLineBytes = 16 * 1024 * 1024;

    public string Path => path;

    /// <summary>Bytes of the file consumed so far, for progress.</summary>
    public long BytesRead { get; private set; } = start.Offset;

    public long Length => new FileInfo(path).Length;

    public async Task RunAsync(IngestGate gate, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Input file '{path}' does not exist. Write one with `./intelligence simulate --out {path}`.", path);
        }

        var source = new InputSource($"file:{System.IO.Path.GetFileName(path)}", _replay ?? clock);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        stream.Seek(start.Offset, SeekOrigin.Begin);
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 1 << 16));
        var oversized = new ArrayBufferWriter<byte>();
        var skipping = false;
        var atStart = start.Offset == 0;

        while (true)
        {
            var read = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (atStart && (buffer.Length >= 3 || read.IsCompleted))
            {
                // Files saved by some Windows tools start with a UTF-8 byte-order mark; it is not part of the first event.
                atStart = false;
                if (buffer.Length >= 3 && buffer.Slice(0, 3).ToArray().AsSpan().SequenceEqual("\uFEFF"u8))
                {
                    buffer = buffer.Slice(3);
                    BytesRead += 3;
                }
            }
            while (TryTakeLine(ref buffer, out var line))
            {
                BytesRead += line.Length + 1;
                if (skipping)
                {
                    skipping = false;
                    line = default;
                    await SubmitAsync(gate, oversized.WrittenMemory, source, cancellationToken).ConfigureAwait(false);
                    oversized.Clear();
                    continue;
                }

                await SubmitAsync(gate, line.IsSingleSegment ? line.First : line.ToArray(), source, cancellationToken)
                    .ConfigureAwait(false);
            }

            if (buffer.Length > MaxLineBytes && !skipping)
            {
                // Keep the first part of an endless line and drop the rest until its newline.
                oversized.Write(buffer.Slice(0, MaxLineBytes + 1).ToArray());
                skipping = true;
            }

            if (skipping)
            {
                BytesRead += buffer.Length;
                pipe.AdvanceTo(buffer.End);
            }
            else
            {
                pipe.AdvanceTo(buffer.Start, buffer.End);
            }

            if (read.IsCompleted)
            {
                if (skipping)
                {
                    await SubmitAsync(gate, oversized.WrittenMemory, source, cancellationToken).ConfigureAwait(false);
                }
                else if (!buffer.IsEmpty)
                {
                    BytesRead += buffer.Length;
                    await SubmitAsync(gate, buffer.ToArray(), source, cancellationToken).ConfigureAwait(false);
                }

                break;
            }
        }

        await pipe.CompleteAsync().ConfigureAwait(false);
    }

    private async ValueTask SubmitAsync(IngestGate gate, ReadOnlyMemory<byte> line, InputSource source,
        CancellationToken cancellationToken)
    {
        var trimmed = TrimLine(line);
        if (trimmed.IsEmpty)
        {
            return;
        }

        _replay?.Set(arrivals!.Next());
        await gate.SubmitAsync(trimmed, source, cancellationToken).ConfigureAwait(false);
        _inputs++;
        if (consumed is not null)
        {
            await consumed(new SourcePosition(_inputs, BytesRead), cancellationToken).ConfigureAwait(false);
        }
    }

    private static ReadOnlyMemory<byte> TrimLine(ReadOnlyMemory<byte> line)
    {
        var span = line.Span;
        var end = span.Length;
        while (end > 0 && (span[end - 1] == (byte)'\r' || span[end - 1] == (byte)' ' || span[end - 1] == (byte)'\t'))
        {
            end--;
        }

        var start = 0;
        while (start < end && (span[start] == (byte)' ' || span[start] == (byte)'\t'))
        {
            start++;
        }

        return line[start..end];
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var newline = buffer.PositionOf((byte)'\n');
        if (newline is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, newline.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
        return true;
    }
}
