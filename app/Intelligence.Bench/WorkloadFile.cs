namespace Intelligence.Bench;

/// <summary>
/// A workload file written once and reused: written beside its final name and moved into place only
/// when complete (with the simulated end it is judged against in <c>FILE.truth.json</c>), so that an
/// interrupted generation is never taken for a workload.
/// </summary>
public static class WorkloadFile
{
    /// <summary>The file's path; <paramref name="write"/> fills it and its truth file if it is not there yet.</summary>
    public static string Ensure(string folder, string fileName, string description, Action<string> progress,
        Action<Stream, string> write)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        if (File.Exists(path))
        {
            return path;
        }

        progress($"Generating {description} into {path} (not timed)");
        var partial = path + ".partial";
        using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            write(file, path + ".truth.json");
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }
}
