
namespace Intelligence.Processors.Flow;

/// <summary>
/// A fold threw on an input: the processors' dead letter. The input was accepted and the other folds
/// processed it; this row keeps which fold failed on which event and why, so a person can replay it.
/// </summary>
public sealed record ProcessingFailureRow(
    DateTimeOffset FailedAt, string Fold, string EventId, string Source, string Key, DateTimeOffset EventTime,
    string Input, string Error, string Detail) : OutputRow
{
    public const string TableName = "processing_failures";

    public override string Table => TableName;

    public static ProcessingFailureRow From(in Message message, string fold, Exception error, DateTimeOffset now) =>
        new(now, fold, message.EventId, message.Source, message.Key, message.At, message.Body.GetType().Name,
            error.GetType().Name, error.Message);
}
