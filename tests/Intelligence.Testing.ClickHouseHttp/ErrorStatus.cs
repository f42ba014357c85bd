using System.Net;

namespace Intelligence.Testing.ClickHouseHttp;

/// <summary>
/// The HTTP status a ClickHouse server answers an error code with, after its
/// <c>exceptionCodeToHTTPStatus</c>: the error names are the server's; their numbers are read from the
/// engine itself (<c>errorCodeToName</c>) when the fixture starts, so none is transcribed by hand.
/// </summary>
internal sealed class ErrorStatus
{
    private static readonly Dictionary<string, HttpStatusCode> ByName = Build();

    private readonly Dictionary<int, HttpStatusCode> byCode;

    private ErrorStatus(Dictionary<int, HttpStatusCode> byCode) => this.byCode = byCode;

    /// <summary>Every error name this mapping knows, for the engine to number.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>Builds the mapping from (code, name) pairs the engine reported.</summary>
    public static ErrorStatus FromEngine(IEnumerable<(int Code, string Name)> codes) =>
        new(codes.Where(c => ByName.ContainsKey(c.Name)).ToDictionary(c => c.Code, c => ByName[c.Name]));

    public HttpStatusCode For(int code) => byCode.GetValueOrDefault(code, HttpStatusCode.InternalServerError);

    private static Dictionary<string, HttpStatusCode> Build()
    {
        var map = new Dictionary<string, HttpStatusCode>(StringComparer.Ordinal) { ["REQUIRED_PASSWORD"] = HttpStatusCode.Unauthorized };
        Add(map, HttpStatusCode.Forbidden, "UNKNOWN_USER", "WRONG_PASSWORD", "AUTHENTICATION_FAILED", "SET_NON_GRANTED_ROLE", "ACCESS_DENIED");
        Add(map, HttpStatusCode.BadRequest,
            "BAD_ARGUMENTS", "CANNOT_COMPILE_REGEXP", "CANNOT_PARSE_TEXT", "CANNOT_PARSE_ESCAPE_SEQUENCE", "CANNOT_PARSE_QUOTED_STRING",
            "CANNOT_PARSE_DATE", "CANNOT_PARSE_DATETIME", "CANNOT_PARSE_NUMBER", "CANNOT_PARSE_DOMAIN_VALUE_FROM_STRING", "CANNOT_PARSE_IPV4",
            "CANNOT_PARSE_IPV6", "CANNOT_PARSE_INPUT_ASSERTION_FAILED", "CANNOT_PARSE_UUID", "DUPLICATE_COLUMN", "ILLEGAL_COLUMN",
            "UNKNOWN_ELEMENT_IN_AST", "UNKNOWN_TYPE_OF_AST_NODE", "THERE_IS_NO_COLUMN", "TOO_DEEP_AST", "TOO_BIG_AST",
            "UNEXPECTED_AST_STRUCTURE", "SYNTAX_ERROR", "INCORRECT_DATA", "TYPE_MISMATCH", "VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE");
        Add(map, HttpStatusCode.NotFound,
            "UNKNOWN_TABLE", "UNKNOWN_FUNCTION", "UNKNOWN_IDENTIFIER", "UNKNOWN_TYPE", "UNKNOWN_STORAGE", "UNKNOWN_DATABASE",
            "UNKNOWN_SETTING", "UNKNOWN_DIRECTION_OF_SORTING", "UNKNOWN_AGGREGATE_FUNCTION", "UNKNOWN_FORMAT", "UNKNOWN_DATABASE_ENGINE",
            "UNKNOWN_TYPE_OF_QUERY", "UNKNOWN_ROLE");
        Add(map, HttpStatusCode.RequestEntityTooLarge, "QUERY_IS_TOO_LARGE");
        Add(map, HttpStatusCode.NotImplemented, "NOT_IMPLEMENTED");
        Add(map, HttpStatusCode.ServiceUnavailable, "SOCKET_TIMEOUT", "CANNOT_OPEN_FILE", "CANNOT_SCHEDULE_TASK");
        Add(map, HttpStatusCode.LengthRequired, "HTTP_LENGTH_REQUIRED");
        Add(map, HttpStatusCode.RequestTimeout, "TIMEOUT_EXCEEDED");
        Add(map, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        return map;
    }

    private static void Add(Dictionary<string, HttpStatusCode> map, HttpStatusCode status, params string[] names)
    {
        foreach (var name in names)
        {
            map[name] = status;
        }
    }
}
