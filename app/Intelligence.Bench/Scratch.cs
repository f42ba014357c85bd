namespace Intelligence.Bench;

/// <summary>Scratch folders for the approaches' stores, emptied before each use.</summary>
public static class Scratch
{
    public static string Fresh(string root, string name)
    {
        var path = Path.Combine(root, name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }
}
