namespace Intelligence.Analytics.Tests;

public sealed class AnalyticsExceptionTests
{
    [Fact]
    public void The_ClickHouse_error_code_is_read_from_the_message()
    {
        var error = new AnalyticsException("Code: 60. DB::Exception: Unknown table expression identifier 'x'. (UNKNOWN_TABLE)");

        Assert.Equal(60, error.Code);
    }

    [Fact]
    public void A_message_without_a_code_has_none()
    {
        Assert.Null(new AnalyticsException("the engine refused the connection").Code);
    }
}
