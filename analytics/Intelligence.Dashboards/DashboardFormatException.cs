namespace Intelligence.Dashboards;

/// <summary>A dashboard file that is not valid JSON or lacks what a dashboard needs (uid, panels' grid, targets' SQL).</summary>
public sealed class DashboardFormatException : Exception
{
    public DashboardFormatException()
    {
    }

    public DashboardFormatException(string message)
        : base(message)
    {
    }

    public DashboardFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
