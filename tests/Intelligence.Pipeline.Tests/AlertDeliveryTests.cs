using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Intelligence.Alerting;
using Intelligence.Alerting.Tests;
using Intelligence.Embedded;
using Intelligence.Processors.Alerts;
using Intelligence.Simulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intelligence.Pipeline.Tests;

/// <summary>
/// The embedded pipeline on chDB hands each batch's stored alert notices to a dispatcher whose one
/// webhook receiver holds every request: the run must finish regardless, and once the receiver lets
/// go, every notice told must be signed and already stored.
/// </summary>
public sealed class AlertDeliveryTests : IAsyncLifetime
{
    private const string Route = "planners";

    /// <summary>The most any await here waits before the test fails instead of hanging.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static readonly SimulationOptions Run = new()
    {
        Seed = 5,
        Events = 40_000,
        Scenarios = Enum.GetValues<Scenario>().ToHashSet(),
        BadInput = BadInputOptions.Default,
    };

    private readonly string _secretVariable = $"INTELLIGENCE_ALERT_DELIVERY_TEST_SECRET_{Guid.NewGuid():N}";
    private readonly string _secret = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
    private readonly SemaphoreSlim _gate = new(0);
    private readonly TaskCompletionSource _firstArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(_secretVariable, _secret);
        _receiver = await WebhookReceiver.StartAsync();
        _receiver.Answer = HoldAsync;
    }

    public async Task DisposeAsync()
    {
        _gate.Release();
        await _receiver.DisposeAsync();
        _gate.Dispose();
        Environment.SetEnvironmentVariable(_secretVariable, null);
    }

    /// <summary>A receiver as slow as can be: every request waits until the test opens the gate; once open, each passes and opens it for the next.</summary>
    private async Task<ReceiverAnswer> HoldAsync(ReceivedNotice notice)
    {
        _firstArrived.TrySetResult();
        await _gate.WaitAsync(notice.Aborted);
        _gate.Release();
        return ReceiverAnswer.Ok;
    }

    [Fact]
    public async Task A_held_webhook_never_stalls_the_run_and_every_notice_it_gets_is_signed_and_already_stored()
    {
        var db = SharedStore.NewDatabase();
        await using var dispatcher = new AlertDispatcher(Options(), NullLoggerFactory.Instance);
        var told = new ConcurrentQueue<AlertNotice>();

        RunSummary summary;
        await using (var pipeline = await EmbeddedPipeline.StartAsync(SharedStore.Instance, PipelineRig.Options(db), TimeProvider.System,
            NullLoggerFactory.Instance, CancellationToken.None, notices =>
            {
                foreach (var notice in notices)
                {
                    told.Enqueue(notice);
                }

                dispatcher.Offer(notices);
            }))
        {
            await new SimulatorSource(new RetailSimulator(Run)).RunAsync(pipeline.Gate, CancellationToken.None).WaitAsync(Bound);
            summary = await pipeline.CompleteAsync(TimeProvider.System, CancellationToken.None).WaitAsync(Bound);
        }

        // (a) The whole run is done and accounted for while the receiver has answered nothing.
        Assert.True(summary.Balances, $"{summary}");
        Assert.Equal(Run.Events, summary.Received);
        Assert.NotEmpty(told);
        await _firstArrived.Task.WaitAsync(Bound);
        var held = dispatcher.Counters[Route];
        Assert.Equal(((long)told.Count, 0L), (held.Offered, held.Delivered));
        Assert.Single(_receiver.Received); // one at a time per route: the rest wait in the queue

        // (b) Let go: every notice arrives signed with the route's secret and was stored before it was told.
        _gate.Release();
        var counts = (await dispatcher.CompleteAsync(Bound).WaitAsync(Bound))[Route];
        var secret = Encoding.UTF8.GetBytes(_secret);
        var received = _receiver.Received;
        Assert.NotEmpty(received);
        Assert.All(received, r => Assert.True(NoticeSignature.Verify(secret, r.Timestamp!, r.Body, r.Signature), $"{r.NoticeId} is not signed right"));
        Assert.All(received, r => Assert.Equal(r.NoticeId, JsonDocument.Parse(r.Body).RootElement.GetProperty("noticeId").GetString()));
        var stored = (await PipelineRig.QueryAsync($"SELECT DISTINCT notice_id FROM {db}.alert_notices")).Split('\n').ToHashSet(StringComparer.Ordinal);
        var delivered = received.Select(r => r.NoticeId!).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(delivered.Except(stored));
        Assert.Equal(told.Select(n => n.NoticeId).ToHashSet(StringComparer.Ordinal), delivered);

        // (c) Every notice offered is accounted for, and with a patient receiver none was lost.
        Assert.Equal(counts.Offered, counts.Delivered + counts.Failed + counts.Dropped + counts.Pending);
        Assert.Equal(((long)told.Count, (long)told.Count, 0L, 0L, 0L), (counts.Offered, counts.Delivered, counts.Failed, counts.Dropped, counts.Pending));
    }

    private AlertingOptions Options() => new()
    {
        Routes =
        [
            new AlertRoute { Name = Route, Channel = AlertChannels.Webhook, Url = _receiver.Url("alerts"), SecretVariable = _secretVariable },
        ],
        // Long enough that the held request is not timed out and retried while the run goes on.
        Timeout = TimeSpan.FromMinutes(2),
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(100),
    };
}
