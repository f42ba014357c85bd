using System.Threading.Channels;
using Intelligence.Processors.Alerts;
using Microsoft.Extensions.Logging;

namespace Intelligence.Alerting;

/// <summary>
/// One route's queue and the loop that empties it: notices go out one at a time, in the order they
/// were offered, each retried until delivered, refused or out of attempts. The queue is bounded and
/// drops its oldest notice when full, so offering never waits for the receiver.
/// </summary>
internal sealed class RouteDelivery
{
    private const int DropsBetweenWarnings = 1000;

    private readonly Channel<AlertNotice> _queue;
    private readonly IAlertChannel _channel;
    private readonly RetrySchedule _retries;
    private readonly int _maxAttempts;
    private readonly int _capacity;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _offered;
    private long _delivered;
    private long _retried;
    private long _failed;
    private long _dropped;

    public RouteDelivery(AlertRoute route, IAlertChannel channel, AlertingOptions options, TimeProvider time, ILogger logger)
    {
        Route = route;
        _channel = channel;
        _retries = new RetrySchedule(options.InitialBackoff, options.MaxBackoff);
        _maxAttempts = options.MaxAttempts;
        _capacity = options.QueueCapacity;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<AlertNotice>(
            new BoundedChannelOptions(options.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            PushedOut);
    }

    public AlertRoute Route { get; }

    public RouteCounts Counts
    {
        get
        {
            // Offered is read last, so a snapshot never shows more settled notices than offered ones.
            var delivered = Interlocked.Read(ref _delivered);
            var failed = Interlocked.Read(ref _failed);
            var dropped = Interlocked.Read(ref _dropped);
            return new RouteCounts(Route.Name, Route.Channel, Interlocked.Read(ref _offered), delivered,
                Interlocked.Read(ref _retried), failed, dropped);
        }
    }

    public void Offer(AlertNotice notice)
    {
        Interlocked.Increment(ref _offered);
        if (!_queue.Writer.TryWrite(notice))
        {
            var dropped = Interlocked.Increment(ref _dropped);
            _logger.LogWarning("Alert route {Route} dropped notice {NoticeId} ({Dropped} dropped so far): it was offered after "
                + "shutdown began; stop offering before completing the dispatcher", Route.Name, notice.NoticeId, dropped);
        }
    }

    /// <summary>No more notices: the loop ends once the queue is empty.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var notice in _queue.Reader.ReadAllAsync(stop))
            {
                await DeliverAsync(notice, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutdown ran out of time; what is left shows as pending.
        }
    }

    private async Task DeliverAsync(AlertNotice notice, CancellationToken stop)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await AttemptAsync(notice, stop);
            switch (result.Outcome)
            {
                case AttemptOutcome.Delivered:
                    Interlocked.Increment(ref _delivered);
                    return;
                case AttemptOutcome.Rejected:
                    Interlocked.Increment(ref _failed);
                    _logger.LogError("Alert route {Route} gave up on notice {NoticeId}: {Channel} {Problem}; {Advice}",
                        Route.Name, notice.NoticeId, Route.Channel, result.Problem, result.Advice);
                    return;
                case AttemptOutcome.Transient when attempt >= _maxAttempts:
                    Interlocked.Increment(ref _failed);
                    _logger.LogError("Alert route {Route} gave up on notice {NoticeId} after {Attempts} attempts: {Channel} {Problem}; "
                        + "{Advice}. Later notices are still tried", Route.Name, notice.NoticeId, attempt, Route.Channel, result.Problem,
                        result.Advice);
                    return;
                default:
                    Interlocked.Increment(ref _retried);
                    var wait = _retries.Delay(attempt, result.RetryAfter);
                    _logger.LogInformation("Alert route {Route}: attempt {Attempt} of {MaxAttempts} for notice {NoticeId} failed "
                        + "({Problem}); next in {Wait}", Route.Name, attempt, _maxAttempts, notice.NoticeId, result.Problem, wait);
                    await Task.Delay(wait, _time, stop);
                    break;
            }
        }
    }

    private async Task<DeliveryAttempt> AttemptAsync(AlertNotice notice, CancellationToken stop)
    {
        try
        {
            return await _channel.SendAsync(notice, stop);
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            // Not an answer from the receiver but a fault here: trying again would fault again.
            _logger.LogError(e, "Alert route {Route} could not send notice {NoticeId}", Route.Name, notice.NoticeId);
            return DeliveryAttempt.Rejected($"failed here: {e.GetType().Name}", "this is a fault in alert delivery; report it with the log");
        }
    }

    private void PushedOut(AlertNotice notice)
    {
        var dropped = Interlocked.Increment(ref _dropped);
        if (dropped == 1 || dropped % DropsBetweenWarnings == 0)
        {
            _logger.LogWarning("Alert route {Route} dropped its oldest notice {NoticeId} ({Dropped} dropped so far): its queue of "
                + "{Capacity} is full because the receiver takes notices slower than they come; fix or speed up the receiver, "
                + "narrow the route (MinimumSeverity, Teams, Kinds) or raise Alerting:QueueCapacity",
                Route.Name, notice.NoticeId, dropped, _capacity);
        }
    }
}
