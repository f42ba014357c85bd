namespace Intelligence.EventLog;

/// <summary>The producing side of a topic. Embedded: <see cref="InProcessTopic{T}"/>; distributed: a Kafka producer.</summary>
public interface ITopicWriter<in T>
{
    /// <summary>Appends a record, waiting while the topic is full (backpressure).</summary>
    ValueTask<LogPosition> AppendAsync(string key, T value, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until every record appended before the call is durably in the topic. The in-process log
    /// holds a record once appended; a Kafka producer hands records over without waiting for the broker.
    /// </summary>
    ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>The consuming side of a topic: batches in partition order, and commits of what was stored.</summary>
public interface ITopicReader<T>
{
    /// <summary>
    /// Waits for at least one record, then adds up to <paramref name="maxRecords"/> to <paramref name="batch"/>.
    /// Returns false when the topic is complete and drained.
    /// </summary>
    ValueTask<bool> ReadBatchAsync(List<LogRecord<T>> batch, int maxRecords, CancellationToken cancellationToken);

    /// <summary>Adds whatever records are ready, up to <paramref name="maxRecords"/> in all, without waiting.</summary>
    void TryRead(List<LogRecord<T>> batch, int maxRecords);

    /// <summary>Marks everything up to and including each position as stored.</summary>
    void Commit(IEnumerable<LogPosition> stored);
}
