namespace Intelligence.Analytics;

/// <summary>A sink stopped because the store refused its batch for good; the message names the table and the reason.</summary>
public sealed class SinkFailedException(string message, Exception inner) : Exception(message, inner)
{
    public SinkFailedException()
        : this("The sink failed.", new InvalidOperationException())
    {
    }

    public SinkFailedException(string message)
        : this(message, new InvalidOperationException(message))
    {
    }
}
