namespace Intelligence.Sink.Rows;

/// <summary>Where a record's row went: its table, and the reason when the sink had to make it a dead letter instead.</summary>
internal readonly record struct RowTarget(string Table, string? DeadLetterReason = null)
{
    public bool IsDeadLetter => DeadLetterReason is not null;
}
