using Intelligence.Ingest.Sources;

namespace Intelligence.Bench;

/// <summary>
/// A workload file written once and reused: written beside its final name and moved into place only
/// when complete (with each input's arrival in <c>FILE.arrivals</c> and the simulated end in
/// <c>FILE.truth.json</c>), so that an interrupted generation is never taken for a workload. A file
/// without its arrivals (written before they were recorded) is written again.
/// </summary>
public static class WorkloadFile
{
    /// <summary>The file's path; <paramref name="write"/> fills it (given its final path, for the files beside it) if it is not there yet.</summary>
    public static string Ensure(string folder, string fileName, string description, Action<string> progress,
        Action<Stream, string> write)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        if (File.Exists(path) && File.Exists(RecordedArrivals.PathFor(path)))
        {
            return path;
        }

        progress($"Generating {description} into {path} (not timed)");
        var partial = path + ".partial";
        using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            write(file, path);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }
}
