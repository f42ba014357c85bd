namespace Intelligence.Alerting.Tests;

/// <summary>
/// A receiver that does not answer until the test lets it: the stream must not wait for it, nor must
/// other routes. Nothing here depends on timing; the receiver is held by a semaphore the test owns.
/// </summary>
public sealed class SlowReceiverTests : IAsyncLifetime
{
    private const int Capacity = 5;
    private const int Offered = 100;
    private readonly CapturedLog _log = new();
    private readonly SemaphoreSlim _held = new(0);
    private readonly TaskCompletionSource _firstArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _receiver.Answer = async r =>
        {
            if (r.Route == "slow")
            {
                _firstArrived.TrySetResult();
                await _held.WaitAsync(r.Aborted);
            }

            return ReceiverAnswer.Ok;
        };
    }

    public async Task DisposeAsync()
    {
        _held.Release(Offered + 1);
        await _receiver.DisposeAsync();
    }

    private AlertDispatcher Dispatcher(params string[] routes) =>
        new(TestAlerting.Options([.. routes.Select(r => TestAlerting.Webhook(r, _receiver))]) with { QueueCapacity = Capacity }, _log);

    /// <summary>Offers notice 0, waits until the slow receiver holds it, then offers 1..Offered one by one.</summary>
    private async Task OfferWhileHeldAsync(AlertDispatcher dispatcher)
    {
        var notices = NoticeBuilder.Sequence(Offered + 1);
        dispatcher.Offer([notices[0]]);
        await _firstArrived.Task.WaitAsync(TestAlerting.Bound);
        foreach (var notice in notices.Skip(1))
        {
            dispatcher.Offer([notice]);
        }
    }

    [Fact]
    public async Task Offer_returns_while_the_receiver_is_held_the_oldest_are_dropped_and_the_newest_arrive_in_order()
    {
        await using var dispatcher = Dispatcher("slow");

        await OfferWhileHeldAsync(dispatcher);

        // Every Offer has returned and the receiver still holds the first notice: it was never released.
        var held = dispatcher.Counters["slow"];
        Assert.Single(_receiver.Received);
        Assert.Equal((Offered + 1L, 0L, Offered - Capacity), (held.Offered, held.Delivered, held.Dropped));
        Assert.True(_log.Contains("dropped its oldest notice"));
        Assert.True(_log.Contains("raise Alerting:QueueCapacity"));

        _held.Release(Offered + 1);
        var counts = (await dispatcher.CompleteAsync(TestAlerting.Bound).WaitAsync(TestAlerting.Bound))["slow"];

        Assert.Equal((Capacity + 1L, 0L), (counts.Delivered, counts.Pending));
        var expected = new[] { 0 }.Concat(Enumerable.Range(Offered - Capacity + 1, Capacity)).Select(i => NoticeBuilder.Notice(i).NoticeId);
        Assert.Equal(expected, _receiver.IdsAt("slow"));
    }

    [Fact]
    public async Task A_held_receiver_does_not_slow_another_route()
    {
        await using var dispatcher = Dispatcher("slow", "fast");

        await OfferWhileHeldAsync(dispatcher);
        await WaitUntilAsync(() => dispatcher.Counters["fast"].Pending == 0);

        // The fast route drops too when offered faster than its queue holds, but it empties it, in order.
        var fast = dispatcher.Counters["fast"];
        Assert.Equal(Offered + 1, fast.Delivered + fast.Dropped);
        Assert.Equal(fast.Delivered, _receiver.IdsAt("fast").Count);
        Assert.Equal(NoticeBuilder.Notice(Offered).NoticeId, _receiver.IdsAt("fast")[^1]);
        Assert.Equal(0, dispatcher.Counters["slow"].Delivered);
        _held.Release(Offered + 1);
    }

    [Fact]
    public async Task Shutdown_with_a_held_receiver_stops_at_the_drain_timeout_and_reports_what_was_left()
    {
        await using var dispatcher = Dispatcher("slow");
        dispatcher.Offer([NoticeBuilder.Notice(0)]);
        await _firstArrived.Task.WaitAsync(TestAlerting.Bound);
        dispatcher.Offer(NoticeBuilder.Sequence(4)[1..]);

        var counts = (await dispatcher.CompleteAsync(TimeSpan.FromMilliseconds(100)).WaitAsync(TestAlerting.Bound))["slow"];

        Assert.Equal((4L, 0L, 4L), (counts.Offered, counts.Delivered, counts.Pending));
        Assert.True(_log.Contains("left 4 notices undelivered at shutdown"));
        dispatcher.Offer([NoticeBuilder.Notice(9)]);
        Assert.Equal(1, dispatcher.Counters["slow"].Dropped);
        _held.Release(Offered + 1);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var bound = new CancellationTokenSource(TestAlerting.Bound);
        while (!condition())
        {
            await Task.Delay(5, bound.Token);
        }
    }
}
