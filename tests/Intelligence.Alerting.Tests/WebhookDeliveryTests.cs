using Intelligence.Processors.Alerts;

namespace Intelligence.Alerting.Tests;

/// <summary>Webhook routes against a real receiver on loopback.</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private readonly CapturedLog _log = new();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private async Task<RouteCounts> DeliverAsync(AlertingOptions options, params AlertNotice[] notices)
    {
        await using var dispatcher = new AlertDispatcher(options, _log);
        dispatcher.Offer(notices);
        var counts = await dispatcher.CompleteAsync(TestAlerting.Bound).WaitAsync(TestAlerting.Bound);
        return counts.Values.Single();
    }

    [Fact]
    public async Task A_notice_arrives_as_signed_camel_case_json_that_verifies_with_the_secret_and_no_other()
    {
        var notice = NoticeBuilder.Notice();

        var counts = await DeliverAsync(TestAlerting.Options(TestAlerting.Webhook("planners", _receiver)), notice);

        Assert.Equal(1, counts.Delivered);
        var received = Assert.Single(_receiver.Received);
        Assert.Equal(notice.NoticeId, received.NoticeId);
        Assert.True(NoticeSignature.Verify(TestAlerting.SecretBytes, received.Timestamp!, received.Body, received.Signature));
        Assert.False(NoticeSignature.Verify("another-secret-0123456789"u8, received.Timestamp!, received.Body, received.Signature));
        Assert.False(NoticeSignature.Verify(TestAlerting.SecretBytes, received.Timestamp!, [.. received.Body, (byte)' '], received.Signature));
        Assert.True(NoticeSignature.IsRecent(received.Timestamp!, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));

        var json = received.Json;
        Assert.Equal(NoticePayload.CurrentSchema, json.GetProperty("schema").GetString());
        Assert.Equal(notice.NoticeId, json.GetProperty("noticeId").GetString());
        Assert.Equal("high", json.GetProperty("severity").GetString());
        Assert.Equal(412, json.GetProperty("value").GetDouble());
        Assert.Equal("promotion:PROMO-FLASH-01", json.GetProperty("causeEntities")[0].GetString());
        Assert.Equal(notice.NextAction, json.GetProperty("nextAction").GetString());
        Assert.True(json.GetProperty("deliveredAt").TryGetDateTimeOffset(out _));
        Assert.DoesNotContain(_log.Lines, l => l.Message.Contains(TestAlerting.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_receiver_answering_503_twice_then_200_gets_the_notice_once_after_two_retries()
    {
        var answers = 0;
        _receiver.Answer = _ => Task.FromResult(Interlocked.Increment(ref answers) <= 2 ? new ReceiverAnswer(503) : ReceiverAnswer.Ok);

        var counts = await DeliverAsync(TestAlerting.Options(TestAlerting.Webhook("planners", _receiver)), NoticeBuilder.Notice());

        Assert.Equal((1, 2, 0, 0L), (counts.Delivered, counts.Retried, counts.Failed, counts.Pending));
        Assert.Equal(3, _receiver.Received.Count);
        Assert.All(_receiver.Received, r =>
            Assert.True(NoticeSignature.Verify(TestAlerting.SecretBytes, r.Timestamp!, r.Body, r.Signature)));
        Assert.Single(_receiver.Received.Select(r => r.NoticeId).Distinct());
    }

    [Fact]
    public async Task A_400_is_not_retried_and_counts_as_failed_with_what_to_do()
    {
        _receiver.Answer = _ => Task.FromResult(new ReceiverAnswer(400, Body: "unknown field 'schema'"));

        var counts = await DeliverAsync(TestAlerting.Options(TestAlerting.Webhook("planners", _receiver)), NoticeBuilder.Notice());

        Assert.Equal((0, 0, 1), (counts.Delivered, counts.Retried, counts.Failed));
        Assert.Single(_receiver.Received);
        Assert.True(_log.Contains("answered 400 Bad Request (unknown field 'schema')"));
        Assert.True(_log.Contains($"check that it reads schema {NoticePayload.CurrentSchema}"));
    }

    [Fact]
    public async Task A_401_tells_the_operator_to_check_the_receivers_secret_without_showing_it()
    {
        _receiver.Answer = _ => Task.FromResult(new ReceiverAnswer(401));

        var counts = await DeliverAsync(TestAlerting.Options(TestAlerting.Webhook("planners", _receiver)), NoticeBuilder.Notice());

        Assert.Equal(1, counts.Failed);
        var line = Assert.Single(_log.Lines, l => l.Message.Contains("gave up", StringComparison.Ordinal));
        Assert.Contains("webhook answered 401", line.Message, StringComparison.Ordinal);
        Assert.Contains("check the receiver's secret", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestAlerting.Secret, line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_is_given_up_after_MaxAttempts_and_the_next_notice_is_still_tried()
    {
        _receiver.Answer = r => Task.FromResult(r.NoticeId!.EndsWith(".0", StringComparison.Ordinal) ? new ReceiverAnswer(500) : ReceiverAnswer.Ok);
        var options = TestAlerting.Options(TestAlerting.Webhook("planners", _receiver)) with { MaxAttempts = 3 };

        var counts = await DeliverAsync(options, NoticeBuilder.Sequence(2));

        Assert.Equal((1, 2, 1), (counts.Delivered, counts.Retried, counts.Failed));
        Assert.Equal(4, _receiver.Received.Count);
        Assert.True(_log.Contains("after 3 attempts"));
    }

    [Fact]
    public async Task An_unreachable_receiver_is_retried_then_given_up()
    {
        var options = TestAlerting.Options(TestAlerting.Webhook("planners", TestAlerting.NobodyListening())) with { MaxAttempts = 2 };

        var counts = await DeliverAsync(options, NoticeBuilder.Notice());

        Assert.Equal((0, 1, 1), (counts.Delivered, counts.Retried, counts.Failed));
        Assert.True(_log.Contains("could not reach http://127.0.0.1:"));
        Assert.True(_log.Contains("check that the receiver is running"));
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_within_the_timeout_is_tried_again()
    {
        var answers = 0;
        _receiver.Answer = async r =>
        {
            if (Interlocked.Increment(ref answers) == 1)
            {
                await Task.Delay(TestAlerting.Bound, r.Aborted);
            }

            return ReceiverAnswer.Ok;
        };
        var options = TestAlerting.Options(TestAlerting.Webhook("planners", _receiver)) with { Timeout = TimeSpan.FromMilliseconds(500) };

        var counts = await DeliverAsync(options, NoticeBuilder.Notice());

        Assert.Equal((1, 1), (counts.Delivered, counts.Retried));
        Assert.True(_log.Contains("no answer from http://127.0.0.1:"));
    }

    [Fact]
    public async Task A_non_ascii_notice_id_is_percent_encoded_in_the_header_and_exact_in_the_body()
    {
        var notice = NoticeBuilder.Notice() with { AlertId = "demand_spike:store:Zürich" };

        await DeliverAsync(TestAlerting.Options(TestAlerting.Webhook("planners", _receiver)), notice);

        var received = Assert.Single(_receiver.Received);
        Assert.Equal(Uri.EscapeDataString(notice.NoticeId), received.NoticeId);
        Assert.Equal(notice.NoticeId, received.Json.GetProperty("noticeId").GetString());
    }
}
