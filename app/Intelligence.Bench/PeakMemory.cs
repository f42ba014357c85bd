namespace Intelligence.Bench;

/// <summary>The process's peak resident memory (Linux VmHWM), or the GC's view where /proc is absent.</summary>
public static class PeakMemory
{
    public static long Bytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kib = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kib, System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        return Environment.WorkingSet;
    }
}
