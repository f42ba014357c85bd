namespace Intelligence.Testing.ClickHouseHttp;

/// <summary>A request the fixture answers with a ClickHouse error of its own making (code and message).</summary>
internal sealed class QueryRefusedException(int code, string message) : Exception($"Code: {code}. DB::Exception: {message}")
{
    public int Code { get; } = code;
}
