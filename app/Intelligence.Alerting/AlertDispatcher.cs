using Intelligence.Processors.Alerts;
using Microsoft.Extensions.Logging;

namespace Intelligence.Alerting;

/// <summary>
/// Delivers alert notices along every route that takes them. <see cref="Offer"/> never waits: each
/// route has its own bounded queue and its own loop, so a slow or dead receiver holds up neither the
/// stream nor the other routes. Delivery is at least once and in order per route; receivers
/// deduplicate on the notice id.
/// </summary>
public sealed class AlertDispatcher : IAsyncDisposable
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<RouteDelivery> _routes;
    private readonly Task[] _loops;
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly TimeSpan _drainTimeout;
    private readonly ILogger _logger;
    private readonly Lock _completing = new();
    private Task<IReadOnlyDictionary<string, RouteCounts>>? _completion;

    /// <param name="handler">Sends the webhook requests; by default a handler that does not follow redirects.</param>
    /// <param name="time">The clock for timestamps, timeouts and backoff; the system clock by default.</param>
    /// <exception cref="ArgumentException">The options have <see cref="AlertingOptions.Problems"/>.</exception>
    public AlertDispatcher(AlertingOptions options, ILoggerFactory loggers, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The Alerting settings cannot be used: " + string.Join("; ", problems), nameof(options));
        }

        _time = time ?? TimeProvider.System;
        _drainTimeout = options.DrainTimeout;
        _logger = loggers.CreateLogger<AlertDispatcher>();
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan; // each request has its own deadline on the injected clock
        var alerts = loggers.CreateLogger<ConsoleChannel>();
        _routes = options.ActiveRoutes
            .Select(route => new RouteDelivery(route, ChannelFor(route, options, alerts), options, _time, _logger))
            .ToList();
        _loops = _routes.Select(route => Task.Run(() => route.RunAsync(_stop.Token))).ToArray();
    }

    /// <summary>Each route's counts as of now, by route name.</summary>
    public IReadOnlyDictionary<string, RouteCounts> Counters => _routes.ToDictionary(r => r.Route.Name, r => r.Counts);

    /// <summary>Queues each notice on every route that takes it; returns at once, whatever the receivers do.</summary>
    public void Offer(IReadOnlyList<AlertNotice> notices)
    {
        foreach (var notice in notices)
        {
            foreach (var route in _routes)
            {
                if (route.Route.Accepts(notice))
                {
                    route.Offer(notice);
                }
            }
        }
    }

    /// <summary>
    /// Takes no more notices and delivers what is queued, for at most <paramref name="drainTimeout"/>;
    /// then stops and returns the final counts, where <see cref="RouteCounts.Pending"/> is what was
    /// left undelivered (also logged). Calling it again returns the same result.
    /// </summary>
    public Task<IReadOnlyDictionary<string, RouteCounts>> CompleteAsync(TimeSpan drainTimeout)
    {
        lock (_completing)
        {
            return _completion ??= DrainAsync(drainTimeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CompleteAsync(_drainTimeout);
        _stop.Dispose();
    }

    private async Task<IReadOnlyDictionary<string, RouteCounts>> DrainAsync(TimeSpan drainTimeout)
    {
        foreach (var route in _routes)
        {
            route.Complete();
        }

        var loops = Task.WhenAll(_loops);
        try
        {
            await loops.WaitAsync(drainTimeout > TimeSpan.Zero ? drainTimeout : TimeSpan.Zero, _time);
        }
        catch (TimeoutException)
        {
            // The loops end on the stop token, in a request, a backoff wait or the queue; the bound is
            // for a custom handler that would ignore it.
            await _stop.CancelAsync();
            await Task.WhenAny(loops, Task.Delay(StopBound));
        }

        var counts = Counters;
        foreach (var left in counts.Values.Where(c => c.Pending > 0))
        {
            _logger.LogWarning("Alert route {Route} left {Pending} notices undelivered at shutdown (drain timeout {DrainTimeout}): "
                + "its receiver was slow or down; check it, or allow a longer drain", left.Route, left.Pending, drainTimeout);
        }

        _http.Dispose();
        return counts;
    }

    private IAlertChannel ChannelFor(AlertRoute route, AlertingOptions options, ILogger alerts) =>
        route.IsWebhook
            ? new WebhookChannel(route, RouteSecret.Read(route), _http, options.Timeout, _time)
            : new ConsoleChannel(alerts);
}
