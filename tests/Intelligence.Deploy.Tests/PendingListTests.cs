using Intelligence.Cli;
using ProgramCli = Intelligence.Cli.Cli;

namespace Intelligence.Deploy.Tests;

/// <summary>The TODO lists of <see cref="Pending"/> name only what the code still lacks.</summary>
public sealed class PendingListTests
{
    [Fact]
    public void A_pending_section_is_not_yet_in_the_settings_catalog()
    {
        var registered = Pending.Sections.Keys.Where(SettingsCatalog.Sections.ContainsKey).ToList();

        Assert.True(registered.Count == 0,
            $"Now in SettingsCatalog.Sections, remove from Pending.Sections: {string.Join(", ", registered)}");
    }

    [Fact]
    public void A_pending_command_is_not_yet_in_the_cli()
    {
        var added = Pending.Commands.Keys.Where(IsKnownCommand).ToList();

        Assert.True(added.Count == 0, $"Now in Cli, remove from Pending.Commands: {string.Join(", ", added)}");
    }

    private static bool IsKnownCommand(string command)
    {
        try
        {
            ProgramCli.OptionsOf(command);
            return true;
        }
        catch (UsageException)
        {
            return false;
        }
    }
}
