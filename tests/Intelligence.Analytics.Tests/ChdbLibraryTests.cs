using Intelligence.Analytics.Chdb;

namespace Intelligence.Analytics.Tests;

// In the engine collection so no other test loads the library while the variable is redirected.
[Collection(EngineCollection.Name)]
public sealed class ChdbLibraryTests
{
    [Fact]
    public void The_locator_says_how_to_get_the_library_when_the_configured_file_is_missing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir", "libchdb.so");

        var error = WithVariable(ChdbLibrary.PathVariable, missing, () => Assert.Throws<FileNotFoundException>(ChdbLibrary.Locate));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains(
            "run scripts/fetch-chdb.sh (needs npm) or set INTELLIGENCE_CHDB_LIB to a libchdb.so of version 26.7.3-stable.1",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_cache_location_follows_INTELLIGENCE_CACHE_like_the_fetch_script()
    {
        var path = WithVariable("INTELLIGENCE_CACHE", "/srv/cache", ChdbLibrary.CachedPath);

        Assert.Equal("/srv/cache/chdb/26.7.3-stable.1/libchdb.so", path);
    }

    private static T WithVariable<T>(string name, string value, Func<T> action)
    {
        var previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
        try
        {
            return action();
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, previous);
        }
    }
}
