using System.Net;
using System.Net.Http.Headers;

namespace Intelligence.Alerting.Tests;

public sealed class RetryScheduleTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    [Fact]
    public void Waits_double_from_the_initial_backoff_up_to_the_cap_with_at_most_half_taken_off_by_jitter()
    {
        var longest = new RetrySchedule(Initial, Max, () => 1.0);
        var shortest = new RetrySchedule(Initial, Max, () => 0.0);

        Assert.Equal([0.5, 1, 2, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 9).Select(a => longest.Delay(a).TotalSeconds));
        Assert.Equal([0.25, 0.5, 1, 30], new[] { 1, 2, 3, 50 }.Select(a => shortest.Delay(a).TotalSeconds));
    }

    [Fact]
    public void A_receivers_Retry_After_is_honoured_up_to_the_cap()
    {
        var schedule = new RetrySchedule(Initial, Max, () => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(7), schedule.Delay(1, TimeSpan.FromSeconds(7)));
        Assert.Equal(Max, schedule.Delay(1, TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.Zero, schedule.Delay(3, TimeSpan.FromSeconds(-5)));
    }

    [Theory]
    [InlineData(200, "Delivered")]
    [InlineData(204, "Delivered")]
    [InlineData(408, "Transient")]
    [InlineData(429, "Transient")]
    [InlineData(500, "Transient")]
    [InlineData(503, "Transient")]
    [InlineData(301, "Rejected")]
    [InlineData(400, "Rejected")]
    [InlineData(401, "Rejected")]
    [InlineData(404, "Rejected")]
    [InlineData(422, "Rejected")]
    public void Connection_troubles_408_429_and_5xx_are_retried_other_answers_are_final(int status, string outcome)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.Equal(outcome, WebhookAnswer.Judge(response, DateTimeOffset.UnixEpoch, "").Outcome.ToString());
    }

    [Fact]
    public void Retry_After_is_read_as_seconds_or_as_a_date()
    {
        var now = new DateTimeOffset(2025, 11, 28, 9, 0, 0, TimeSpan.Zero);
        using var inSeconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        inSeconds.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(12));
        using var asDate = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        asDate.Headers.RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(40));

        Assert.Equal(TimeSpan.FromSeconds(12), WebhookAnswer.Judge(inSeconds, now, "").RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(40), WebhookAnswer.Judge(asDate, now, "").RetryAfter);
    }
}
