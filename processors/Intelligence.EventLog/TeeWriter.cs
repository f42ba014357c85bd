namespace Intelligence.EventLog;

/// <summary>
/// Appends each record to several topics, in order: one producer feeding consumers that must not
/// share a reader (the raw-event sink and the processors). A full topic holds the producer back.
/// Returns the position in the first topic.
/// </summary>
public sealed class TeeWriter<T>(params ITopicWriter<T>[] topics) : ITopicWriter<T>
{
    public async ValueTask<LogPosition> AppendAsync(string key, T value, CancellationToken cancellationToken)
    {
        var first = await topics[0].AppendAsync(key, value, cancellationToken).ConfigureAwait(false);
        for (var i = 1; i < topics.Length; i++)
        {
            await topics[i].AppendAsync(key, value, cancellationToken).ConfigureAwait(false);
        }

        return first;
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var topic in topics)
        {
            await topic.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
