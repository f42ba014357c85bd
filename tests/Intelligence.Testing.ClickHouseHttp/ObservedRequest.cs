namespace Intelligence.Testing.ClickHouseHttp;

/// <summary>
/// What the fixture saw of one query request, for tests that check what a client sends: who it
/// said it was (never the password itself), the statement, the settings and parameter names, and
/// the body encodings both ways.
/// </summary>
public sealed record ObservedRequest(
    string Method,
    string User,
    bool PasswordGiven,
    string Sql,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyCollection<string> ParameterNames,
    string? RequestEncoding,
    string? ResponseEncoding);
