using System.Reflection;
using System.Runtime.InteropServices;

namespace Intelligence.Analytics.Chdb;

/// <summary>
/// Finds and loads libchdb.so. The library is 566 MB and not a NuGet package, so it is fetched once
/// by scripts/fetch-chdb.sh into the user cache, or named explicitly by INTELLIGENCE_CHDB_LIB.
/// </summary>
public static class ChdbLibrary
{
    /// <summary>The npm version of @chdb/lib-linux-x64-gnu this binding is written against.</summary>
    public const string PackageVersion = "26.7.3-stable.1";

    public const string PathVariable = "INTELLIGENCE_CHDB_LIB";

    private const string Remedy =
        $"run scripts/fetch-chdb.sh (needs npm) or set {PathVariable} to a libchdb.so of version {PackageVersion}";

    private static readonly Lock Loading = new();
    private static nint handle;

    /// <summary>
    /// The path of libchdb.so: <c>INTELLIGENCE_CHDB_LIB</c> when set, else the cache that
    /// scripts/fetch-chdb.sh fills. Throws <see cref="FileNotFoundException"/> saying what to do
    /// when the file is not there.
    /// </summary>
    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new FileNotFoundException($"{PathVariable} points to '{configured}', which does not exist: {Remedy}.", configured);
        }

        var cached = CachedPath();
        return File.Exists(cached)
            ? cached
            : throw new FileNotFoundException($"libchdb.so is not at '{cached}': {Remedy}.", cached);
    }

    /// <summary>Where scripts/fetch-chdb.sh puts the library; mirrors its environment variables.</summary>
    public static string CachedPath()
    {
        var cacheRoot = Environment.GetEnvironmentVariable("INTELLIGENCE_CACHE");
        if (string.IsNullOrEmpty(cacheRoot))
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var cacheHome = string.IsNullOrEmpty(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            cacheRoot = Path.Combine(cacheHome, "intelligence");
        }

        return Path.Combine(cacheRoot, "chdb", PackageVersion, "libchdb.so");
    }

    /// <summary>The engine version the loaded library reports (e.g. "26.7.2.1").</summary>
    public static unsafe string EngineVersion()
    {
        EnsureLoaded();
        return Marshal.PtrToStringUTF8((nint)ChdbNative.Version()) ?? "unknown";
    }

    /// <summary>Loads the library once per process and routes the binding's imports to it.</summary>
    internal static void EnsureLoaded()
    {
        lock (Loading)
        {
            if (handle != 0)
            {
                return;
            }

            var path = Locate();
            if (!NativeLibrary.TryLoad(path, out var loaded))
            {
                throw new DllNotFoundException($"'{path}' could not be loaded as a shared library: {Remedy}.");
            }

            handle = loaded;
            NativeLibrary.SetDllImportResolver(typeof(ChdbLibrary).Assembly, Resolve);

            // The engine would otherwise install process-wide handlers for SIGSEGV and friends,
            // replacing the .NET runtime's, which turns every NullReferenceException into a crash.
            ChdbNative.SetSignalHandlersEnabled(0);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == ChdbNative.LibraryName ? handle : 0;
}
