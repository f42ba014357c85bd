using Intelligence.Analytics.ClickHouse;
using Intelligence.Analytics.Migrations;

namespace Intelligence.Cli.Commands;

/// <summary><c>intelligence migrate</c>: a ClickHouse server's database brought up to the shipped schema.</summary>
public static class MigrateCommand
{
    public const string Usage = """
        intelligence migrate [--clickhouse URL] [--database NAME]

        Brings the pipeline's database on a ClickHouse server up to the shipped schema: applies, in
        order, every migration not yet recorded in DATABASE.schema_migrations, and lists each one as
        applied or already applied. Safe to re-run; a migration changed after it was applied stops the run.
        The connection comes from the ClickHouse section of the settings (see README); the password
        only from INTELLIGENCE_CLICKHOUSE_PASSWORD or ClickHouse:PasswordFile.

          --clickhouse URL   the server's HTTP interface (default ClickHouse:Url, http://localhost:8123;
                             https://host:8443 for TLS)
          --database NAME    the database to create and migrate (default ClickHouse:Database, intelligence)

        Example:
          ./intelligence migrate --clickhouse http://localhost:8123
        """;

    public static readonly IReadOnlySet<string> Valued = new HashSet<string>(["clickhouse", "database", "config"]);

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>();

    public static async Task<int> ExecuteAsync(CommandLine line, Settings settings, CancellationToken ct)
    {
        if (line.Positional.Count > 0)
        {
            throw new UsageException($"migrate takes no arguments (got '{line.Positional[0]}'); name the server with --clickhouse URL.");
        }

        var options = settings.ClickHouse(line.Value("clickhouse"), line.Value("database"));
        await using var store = ClickHouseServerStore.Connect(options);

        // Asking for the version first means a server that does not answer fails before any DDL is attempted.
        var version = (await store.QueryAsync("SELECT version()", "TabSeparated", ct: ct)).Text.Trim();
        System.Console.Out.WriteLine($"ClickHouse {version}, {store.Description}: database {options.Database}");

        var applied = await Migrator.ApplyAsync(store, options.Database, ct);
        var appliedNow = applied.Select(m => m.Version).ToHashSet();
        foreach (var migration in MigrationCatalog.All)
        {
            System.Console.Out.WriteLine($"  {(appliedNow.Contains(migration.Version) ? "applied        " : "already applied")}  {migration.FileName}");
        }

        System.Console.Out.WriteLine($"{applied.Count} applied, {MigrationCatalog.All.Count - applied.Count} already applied.");
        return 0;
    }
}
