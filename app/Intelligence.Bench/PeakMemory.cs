using System.Globalization;

namespace Intelligence.Bench;

/// <summary>The process's resident memory from Linux's /proc (its peak, VmHWM, and now, VmRSS), or the GC's view where /proc is absent.</summary>
public static class PeakMemory
{
    public static long Bytes() => Status("VmHWM:") ?? Environment.WorkingSet;

    /// <summary>Resident now.</summary>
    public static long ResidentBytes() => Status("VmRSS:") ?? Environment.WorkingSet;

    private static long? Status(string field)
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kib = line[field.Length..].Trim().Split(' ')[0];
                    return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        return null;
    }
}
