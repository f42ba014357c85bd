namespace Intelligence.Analytics;

/// <summary>
/// Tells a store error that will pass (the store busy, short of memory, restarting) from one that
/// retrying cannot fix (the table is gone, a row is refused, the user may not write). Every sink of
/// both runtimes judges store errors here.
/// </summary>
public static class StoreErrors
{
    // ClickHouse error codes: CANNOT_PARSE_TEXT, NO_SUCH_COLUMN_IN_TABLE, CANNOT_PARSE_INPUT_ASSERTION_FAILED,
    // TYPE_MISMATCH, UNKNOWN_TABLE, SYNTAX_ERROR, UNKNOWN_DATABASE, INCORRECT_DATA, READONLY, ACCESS_DENIED,
    // AUTHENTICATION_FAILED (a wrong password does not become right by waiting).
    private static readonly HashSet<int> Permanent = [6, 16, 27, 53, 60, 62, 81, 117, 164, 497, 516];

    public static bool IsPermanent(AnalyticsException error) => error.Code is { } code && Permanent.Contains(code);
}
