namespace Intelligence.Analytics;

/// <summary>The output of a query as text in the requested format, with what the engine reported.</summary>
public sealed record QueryResult(string Text, ulong RowsRead, TimeSpan Elapsed);
