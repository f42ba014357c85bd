using System.Buffers.Binary;

namespace Intelligence.Ingest.Sources;

/// <summary>
/// When each input of a JSON-lines file arrived, kept beside it as <c>FILE.arrivals</c>: an 8-byte
/// mark, the length of the file it belongs to, then one little-endian Unix time in milliseconds per
/// input (blank lines are not inputs). A replay judges each input at its own arrival instead of at
/// one instant, so that an event dated in the future of its sending is refused as it was live, and
/// stream time moves as it did. A file whose length differs from the one recorded is not the file
/// the times were taken for, and is read without them.
/// </summary>
public sealed class RecordedArrivals : IDisposable
{
    private static readonly byte[] Mark = "ARRIVAL1"u8.ToArray();
    private const int HeaderBytes = 16;

    private readonly BufferedStream _stream;
    private readonly byte[] _one = new byte[8];
    private DateTimeOffset _last;

    private RecordedArrivals(BufferedStream stream, long count, long start, DateTimeOffset first)
    {
        _stream = stream;
        Count = count;
        _last = first;
        Position = start;
    }

    /// <summary>How many inputs have a recorded arrival.</summary>
    public long Count { get; }

    /// <summary>The input whose arrival <see cref="Next"/> gives.</summary>
    public long Position { get; private set; }

    public static string PathFor(string inputFile) => inputFile + ".arrivals";

    /// <summary>
    /// The arrivals recorded beside <paramref name="inputFile"/>, from input number <paramref name="startInput"/>
    /// on; null, with the reason, when there are none or they belong to another file.
    /// </summary>
    public static RecordedArrivals? Open(string inputFile, long startInput, out string? whyNot)
    {
        var path = PathFor(inputFile);
        whyNot = null;
        if (!File.Exists(path))
        {
            whyNot = $"no {Path.GetFileName(path)} beside it";
            return null;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            Span<byte> header = stackalloc byte[HeaderBytes];
            if (stream.Length < HeaderBytes || stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes
                || !header[..8].SequenceEqual(Mark))
            {
                whyNot = $"{path} is not a file of arrival times; delete it";
                stream.Dispose();
                return null;
            }

            var recordedLength = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
            var actualLength = new FileInfo(inputFile).Length;
            if (recordedLength != actualLength)
            {
                whyNot = $"{path} was recorded for a file of {recordedLength:N0} bytes, this one has {actualLength:N0}; delete it";
                stream.Dispose();
                return null;
            }

            var count = (stream.Length - HeaderBytes) / 8;
            var start = Math.Clamp(startInput, 0, count);
            var first = count > 0 ? ReadAt(stream, Math.Min(start, count - 1)) : DateTimeOffset.UnixEpoch;
            stream.Seek(HeaderBytes + start * 8, SeekOrigin.Begin);
            return new RecordedArrivals(new BufferedStream(stream, 1 << 16), count, start, first);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The next input's arrival. Past the last recorded one it stays at the last, so a file that
    /// grew after it was recorded is judged at its recording's end rather than stopped.
    /// </summary>
    public DateTimeOffset Next()
    {
        if (Position < Count && _stream.ReadAtLeast(_one, 8, throwOnEndOfStream: false) == 8)
        {
            _last = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(_one));
        }

        Position++;
        return _last;
    }

    public void Dispose() => _stream.Dispose();

    private static DateTimeOffset ReadAt(FileStream stream, long input)
    {
        Span<byte> one = stackalloc byte[8];
        stream.Seek(HeaderBytes + input * 8, SeekOrigin.Begin);
        stream.ReadExactly(one);
        return DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(one));
    }

    /// <summary>Writes the arrivals of a file being written; <see cref="Complete"/> ties them to its final length.</summary>
    public sealed class Recorder : IDisposable
    {
        private readonly FileStream _stream;
        private readonly byte[] _one = new byte[8];

        public Recorder(string inputFile)
        {
            _stream = new FileStream(PathFor(inputFile), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            _stream.Write(Mark);
            _stream.Write(new byte[8]);
        }

        public void Record(DateTimeOffset arrival)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_one, arrival.ToUnixTimeMilliseconds());
            _stream.Write(_one);
        }

        /// <summary>Records the length of the file the arrivals belong to; until then no reader takes them.</summary>
        public void Complete(long inputFileLength)
        {
            _stream.Seek(8, SeekOrigin.Begin);
            BinaryPrimitives.WriteInt64LittleEndian(_one, inputFileLength);
            _stream.Write(_one);
            _stream.Flush(flushToDisk: true);
        }

        public void Dispose() => _stream.Dispose();
    }
}
