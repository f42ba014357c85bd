namespace Intelligence.Bench.MaterializedViews;

/// <summary>
/// The workload file in memory, cut at its newlines: each line one input as the simulator sent it,
/// good or bad. Consecutive lines are one contiguous slice, so a batch goes to the engine uncopied.
/// </summary>
public sealed class WorkloadLines
{
    private readonly byte[] _bytes;
    private readonly List<Range> _lines;

    private WorkloadLines(byte[] bytes, List<Range> lines) => (_bytes, _lines) = (bytes, lines);

    public int Count => _lines.Count;

    public static WorkloadLines Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var lines = new List<Range>();
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            end = end < 0 ? bytes.Length : end;
            lines.Add(start..end);
            start = end + 1;
        }

        return new WorkloadLines(bytes, lines);
    }

    /// <summary>Line <paramref name="index"/> without its newline.</summary>
    public ReadOnlyMemory<byte> Line(int index) => _bytes.AsMemory(_lines[index]);

    /// <summary>Lines <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 with the newlines between them.</summary>
    public ReadOnlyMemory<byte> Batch(int first, int count)
    {
        var from = _lines[first].Start.Value;
        var to = _lines[first + count - 1].End.Value;
        return _bytes.AsMemory(from, to - from);
    }
}
