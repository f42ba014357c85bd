using Intelligence.Cli;
using ProgramCli = Intelligence.Cli.Cli;

namespace Intelligence.Deploy.Tests;

/// <summary>
/// Checks a command line with the program's own parser: the command must be one <see cref="ProgramCli"/> knows
/// and its options those of the command's <c>Valued</c> and <c>Flags</c> sets (<see cref="CommandLine.Parse"/>
/// refuses unknown options and options missing their value). A command of <see cref="Pending"/> is held
/// to the options listed there.
/// </summary>
public static class CommandLineCheck
{
    public static CheckResult Check(IReadOnlyList<string> words)
    {
        var text = string.Join(' ', words);
        if (words.Count == 0 || words[0].StartsWith('-'))
        {
            return new(text, CheckStatus.Unknown, "no command: the first word must name one (ingest, process, sink, ...)");
        }

        var command = words[0];
        IReadOnlySet<string> valued, flags;
        try
        {
            (valued, flags) = ProgramCli.OptionsOf(command);
        }
        catch (UsageException ex)
        {
            if (!Pending.Commands.TryGetValue(command, out var expected))
            {
                return new(text, CheckStatus.Unknown, ex.Message);
            }

            var options = words.Skip(1).Where(w => w.StartsWith("--", StringComparison.Ordinal))
                .Select(w => w[2..].Split('=')[0]).Where(o => !expected.Contains(o)).ToList();
            return options.Count == 0
                ? new(text, CheckStatus.Pending, $"command '{command}' is not in Cli yet")
                : new(text, CheckStatus.Unknown,
                    $"command '{command}' is not in Cli yet, and --{string.Join(", --", options)} is not among its expected options (--{string.Join(", --", expected)})");
        }

        try
        {
            CommandLine.Parse(words.Skip(1), valued, flags);
            return new(text, CheckStatus.Known, command);
        }
        catch (UsageException ex)
        {
            return new(text, CheckStatus.Unknown, $"{ex.Message} '{command}' takes --{string.Join(", --", valued.Concat(flags).Order())}");
        }
    }
}
