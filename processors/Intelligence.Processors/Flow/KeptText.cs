namespace Intelligence.Processors.Flow;

/// <summary>
/// Text a key's state holds from one message to the next (its SKU, channel, category): the state keeps the
/// text it has when a message names the same, instead of taking each message's copy, so that a long-lived
/// state does not point at a new string after every message. (Measured on the 1M workload, it did not
/// change the number of collections: docs/benchmarks.md, "Per-key state, a second pass".)
/// </summary>
public static class KeptText
{
    /// <summary><paramref name="held"/> when <paramref name="incoming"/> reads the same, else <paramref name="incoming"/>.</summary>
    public static string Keep(string held, string incoming) =>
        string.Equals(held, incoming, StringComparison.Ordinal) ? held : incoming;
}
