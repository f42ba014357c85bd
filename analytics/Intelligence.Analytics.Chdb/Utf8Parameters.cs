using System.Runtime.InteropServices;
using System.Text;

namespace Intelligence.Analytics.Chdb;

/// <summary>
/// Query parameters as the native arrays chdb_query_with_params_n takes: UTF-8 buffers with explicit
/// lengths, so values may hold any text (quotes, newlines, NUL) without escaping. Freed on dispose.
/// </summary>
internal sealed unsafe class Utf8Parameters : IDisposable
{
    private readonly List<nint> allocations = [];

    public Utf8Parameters(IReadOnlyDictionary<string, string> parameters)
    {
        Count = parameters.Count;
        Names = (byte**)Allocate(sizeof(nint) * Math.Max(Count, 1));
        Values = (byte**)Allocate(sizeof(nint) * Math.Max(Count, 1));
        NameLengths = (nuint*)Allocate(sizeof(nuint) * Math.Max(Count, 1));
        ValueLengths = (nuint*)Allocate(sizeof(nuint) * Math.Max(Count, 1));

        var i = 0;
        foreach (var (name, value) in parameters)
        {
            Names[i] = Copy(name, out NameLengths[i]);
            Values[i] = Copy(value, out ValueLengths[i]);
            i++;
        }
    }

    public int Count { get; }

    public byte** Names { get; }

    public nuint* NameLengths { get; }

    public byte** Values { get; }

    public nuint* ValueLengths { get; }

    public void Dispose()
    {
        foreach (var allocation in allocations)
        {
            NativeMemory.Free((void*)allocation);
        }

        allocations.Clear();
    }

    private byte* Copy(string text, out nuint length)
    {
        var byteCount = Encoding.UTF8.GetByteCount(text);
        var buffer = (byte*)Allocate(Math.Max(byteCount, 1));
        Encoding.UTF8.GetBytes(text, new Span<byte>(buffer, byteCount));
        length = (nuint)byteCount;
        return buffer;
    }

    private nint Allocate(int bytes)
    {
        var memory = (nint)NativeMemory.Alloc((nuint)bytes);
        allocations.Add(memory);
        return memory;
    }
}
