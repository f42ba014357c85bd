using Intelligence.Ingest.Http;

namespace Intelligence.Cli.Commands;

/// <summary><c>intelligence keys</c>: API keys for the HTTP source. Only hashes are stored; a key is shown once.</summary>
public static class KeysCommand
{
    public const string Usage = """
        intelligence keys add SOURCE [--data DIR]
        intelligence keys list [--data DIR]

        Creates an API key for a source (e.g. webstore, marketplace-amz, 3pl-north). The key is printed
        once; only its SHA-256 is kept, in DIR/api-keys.txt (default ./data). Keys can also be given in
        configuration as Ingest:Http:ApiKeys (source and keySha256).
        """;

    public static readonly IReadOnlySet<string> Valued = new HashSet<string>(["data", "config"]);

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>();

    public static int Execute(CommandLine line, Settings settings)
    {
        var data = line.Value("data") ?? settings.DataDirectory;
        var file = Settings.KeyFile(data);
        switch (line.Positional)
        {
            case ["add", var source]:
                var (key, hash) = ApiKeyRing.NewKey();
                new ApiKeyRing().Add(source, hash); // validates the source name before anything is written
                Directory.CreateDirectory(data);
                File.AppendAllText(file, $"{source} {hash}{Environment.NewLine}");
                System.Console.Out.WriteLine($"API key for source '{source}' (shown once; only its hash is stored in {file}):");
                System.Console.Out.WriteLine(key);
                return 0;
            case ["list"]:
                var ring = ApiKeyRing.From(new HttpIngestOptions { ApiKeysFile = file });
                System.Console.Out.WriteLine(ring.Count == 0 ? $"No keys in {file}." : string.Join(Environment.NewLine, ring.Sources));
                return 0;
            default:
                throw new UsageException("Use `keys add SOURCE` or `keys list`.");
        }
    }
}
