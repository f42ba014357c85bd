namespace Intelligence.EventLog;

/// <summary>
/// Appends each record to several topics, in order: one producer feeding consumers that must not
/// share a reader (the raw-event sink and the processors). A full topic holds the producer back.
/// Returns the position in the first topic. Cancellation stops only the wait for the first topic:
/// once a record is there it is logged, so it is written to the others whatever the caller's token
/// says; a caller told "not taken" would send it again and the first topic would hold it twice.
/// </summary>
public sealed class TeeWriter<T>(params ITopicWriter<T>[] topics) : ITopicWriter<T>
{
    public async ValueTask<LogPosition> AppendAsync(string key, T value, CancellationToken cancellationToken)
    {
        var first = await topics[0].AppendAsync(key, value, cancellationToken).ConfigureAwait(false);
        for (var i = 1; i < topics.Length; i++)
        {
            await topics[i].AppendAsync(key, value, CancellationToken.None).ConfigureAwait(false);
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
