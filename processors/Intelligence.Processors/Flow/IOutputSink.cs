namespace Intelligence.Processors.Flow;

/// <summary>Where a runtime's engine puts what the folds produce.</summary>
public interface IOutputSink
{
    void Row(OutputRow row);

    /// <summary>A fold threw on a message: the runtime dead-letters the input with the reason and goes on.</summary>
    void Failed(in Message message, string fold, Exception error);
}
