namespace Intelligence.Processors.Flow;

/// <summary>
/// Text a key's state holds from one message to the next (its SKU, channel, category). The state keeps the
/// text it has when a message names the same, instead of taking each message's copy: a state lives long
/// enough to be in the collector's oldest generation, and a copy taken on every message would be carried
/// into it, and die there, once per message.
/// </summary>
public static class KeptText
{
    /// <summary><paramref name="held"/> when <paramref name="incoming"/> reads the same, else <paramref name="incoming"/>.</summary>
    public static string Keep(string held, string incoming) =>
        string.Equals(held, incoming, StringComparison.Ordinal) ? held : incoming;
}
