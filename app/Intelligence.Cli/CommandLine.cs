namespace Intelligence.Cli;

/// <summary>
/// The parsed words of a command: options (<c>--name value</c> or <c>--name=value</c>, some
/// repeatable), flags, and positional arguments. Unknown options are an error, never ignored.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandLine(List<string> positional) => Positional = positional;

    public IReadOnlyList<string> Positional { get; }

    public bool WantsHelp => _flags.Contains("help");

    /// <summary>Parses <paramref name="args"/> given the options that take a value and the flags the command knows.</summary>
    public static CommandLine Parse(IEnumerable<string> args, IReadOnlySet<string> valued, IReadOnlySet<string> flags)
    {
        var line = new CommandLine([]);
        var positional = (List<string>)line.Positional;
        using var words = args.GetEnumerator();
        var optionsEnded = false;
        while (words.MoveNext())
        {
            var word = words.Current;
            if (optionsEnded)
            {
                positional.Add(word);
                continue;
            }

            if (word == "--")
            {
                // Everything after `--` is an argument, even when it starts with dashes (an SQL comment, say).
                optionsEnded = true;
                continue;
            }

            if (word is "-h" or "--help")
            {
                line._flags.Add("help");
                continue;
            }

            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(word);
                continue;
            }

            var name = word[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            if (flags.Contains(name) && value is null)
            {
                line._flags.Add(name);
            }
            else if (valued.Contains(name))
            {
                if (value is null)
                {
                    value = words.MoveNext() ? words.Current : throw new UsageException($"--{name} needs a value.");
                }

                if (!line._options.TryGetValue(name, out var values))
                {
                    line._options[name] = values = [];
                }

                values.Add(value);
            }
            else
            {
                throw new UsageException($"Unknown option --{name}.");
            }
        }

        return line;
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string? Value(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> Values(string name) => _options.TryGetValue(name, out var values) ? values : [];

    public long Number(string name, long fallback, long min = 0, long max = long.MaxValue) =>
        Value(name) is { } text ? Parse(name, text, min, max) : fallback;

    /// <summary>Every value of a repeatable number option (1k and 1m suffixes allowed), or <paramref name="fallback"/> when it is not given.</summary>
    public IReadOnlyList<long> Numbers(string name, IReadOnlyList<long> fallback, long min = 0, long max = long.MaxValue) =>
        Values(name) is { Count: > 0 } texts ? texts.Select(t => Parse(name, t, min, max)).ToList() : fallback;

    private static long Parse(string name, string given, long min, long max)
    {
        var text = given.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        var multiplier = 1L;
        if (text.EndsWith('k') || text.EndsWith('K'))
        {
            multiplier = 1_000;
            text = text[..^1];
        }
        else if (text.EndsWith('m') || text.EndsWith('M'))
        {
            multiplier = 1_000_000;
            text = text[..^1];
        }

        if (!long.TryParse(text, out var number) || number * multiplier < min || number * multiplier > max)
        {
            throw new UsageException($"--{name} must be a whole number from {min} to {max} (got '{given}').");
        }

        return number * multiplier;
    }
}

/// <summary>A mistake in how the command was called; the message says what to do.</summary>
public sealed class UsageException(string message) : Exception(message)
{
    public UsageException()
        : this("Invalid usage.")
    {
    }

    public UsageException(string message, Exception inner)
        : this(message + " " + inner.Message)
    {
    }
}
