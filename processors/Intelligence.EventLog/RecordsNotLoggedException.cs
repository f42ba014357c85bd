namespace Intelligence.EventLog;

/// <summary>Records appended to a topic were given up by it (a broker refused them for good): they are not logged.</summary>
public sealed class RecordsNotLoggedException : Exception
{
    public RecordsNotLoggedException()
    {
    }

    public RecordsNotLoggedException(string message)
        : base(message)
    {
    }

    public RecordsNotLoggedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
