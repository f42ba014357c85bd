using System.Text;
using Intelligence.Contracts;
using Intelligence.Contracts.Validation;
using Intelligence.Testing;

namespace Intelligence.Ingest.Tests;

public sealed class IngestGateTests
{
    [Fact]
    public async Task A_valid_event_is_logged_under_its_key()
    {
        var rig = new GateRig();
        var result = await rig.SubmitAsync(EventBuilder.Of(EventTypes.StockReceived).WithId("e1").WithKey("SKU-1@DC-EAST").Build());

        var logged = await GateRig.DrainAsync(rig.Events);

        Assert.Equal(IngestStatus.Accepted, result.Status);
        var accepted = Assert.Single(logged);
        Assert.Equal("e1", accepted.Event.Id);
        Assert.Equal(SamplePayloads.Now, accepted.ReceivedAt);
        Assert.Equal("test-source", accepted.InputSource);
    }

    [Fact]
    public async Task A_resent_event_is_dropped_as_a_duplicate_and_counted()
    {
        var rig = new GateRig();
        var bytes = EventBuilder.Of(EventTypes.StockReceived).WithId("same").Build();

        var first = await rig.SubmitAsync(bytes);
        var second = await rig.SubmitAsync(bytes);

        Assert.Equal(IngestStatus.Accepted, first.Status);
        Assert.Equal(IngestStatus.Duplicate, second.Status);
        Assert.Single(await GateRig.DrainAsync(rig.Events));
        Assert.Equal(1, rig.Gate.Counters.Snapshot().Duplicates);
    }

    [Fact]
    public async Task A_rejected_input_is_dead_lettered_with_reason_source_and_raw_bytes()
    {
        var rig = new GateRig();
        var bytes = EventBuilder.Of(EventTypes.StockReceived).WithId("bad-1").From("3pl-north")
            .Edit(j => j["payload"]!["quantity"] = -5).Build();

        var result = await rig.SubmitAsync(bytes);
        var letter = Assert.Single(await GateRig.DrainAsync(rig.DeadLetters));

        Assert.Equal(IngestStatus.Rejected, result.Status);
        Assert.Equal(RejectReason.InvalidValue, letter.Rejection.Reason);
        Assert.Equal("3pl-north", letter.Source);
        Assert.Equal("bad-1", letter.EventId);
        Assert.Equal("stock.received", letter.EventType);
        Assert.Equal(bytes, letter.Raw.ToArray());
        Assert.Empty(await GateRig.DrainAsync(rig.Events));
    }

    [Fact]
    public async Task Unparseable_input_is_dead_lettered_under_the_input_source()
    {
        var rig = new GateRig();
        await rig.SubmitAsync(Encoding.UTF8.GetBytes("{not json"));

        var letter = Assert.Single(await GateRig.DrainAsync(rig.DeadLetters));

        Assert.Equal("test-source", letter.Source);
        Assert.Equal(RejectReason.MalformedJson, letter.Rejection.Reason);
        Assert.Null(letter.EventId);
    }

    [Fact]
    public async Task A_huge_input_keeps_only_a_bounded_prefix_but_its_full_size()
    {
        var rig = new GateRig();
        var huge = new byte[5 * 1024 * 1024];
        huge.AsSpan().Fill((byte)'x');

        await rig.SubmitAsync(huge);
        var letter = Assert.Single(await GateRig.DrainAsync(rig.DeadLetters));

        Assert.Equal(RejectReason.OversizePayload, letter.Rejection.Reason);
        Assert.Equal(DeadLetter.MaxRawBytes, letter.Raw.Length);
        Assert.Equal(huge.Length, letter.RawBytes);
    }

    [Fact]
    public async Task The_counters_balance_over_a_mixed_stream()
    {
        var rig = new GateRig();
        var inputs = new List<byte[]>();
        for (var i = 0; i < 200; i++)
        {
            var type = EventTypes.All[i % EventTypes.All.Count];
            inputs.Add(i % 7 == 0
                ? EventBuilder.Of(type).Edit(j => j.Remove("key")).Build()
                : EventBuilder.Of(type).WithId($"id-{i % 150}").Build());
        }

        foreach (var input in inputs)
        {
            await rig.SubmitAsync(input);
        }

        var totals = rig.Gate.Counters.Snapshot();
        var logged = await GateRig.DrainAsync(rig.Events);
        var dead = await GateRig.DrainAsync(rig.DeadLetters);

        Assert.True(totals.Balances);
        Assert.Equal(200, totals.Received);
        Assert.Equal(totals.Accepted, logged.Count);
        Assert.Equal(totals.Rejected, dead.Count);
        Assert.True(totals.Duplicates > 0);
        Assert.Equal(totals.Rejected, totals.RejectsByReason.Values.Sum());
        Assert.Equal(200, totals.BySource["test-source"].Received);
    }

    [Fact]
    public async Task A_copy_sent_while_the_first_waits_on_a_full_log_is_stored_when_the_first_gives_up()
    {
        var rig = new GateRig(partitionCapacity: 1);
        const string key = "SKU-9@DC-EAST";
        await rig.SubmitAsync(EventBuilder.Of(EventTypes.StockReceived).WithKey(key).Build());
        var bytes = EventBuilder.Of(EventTypes.StockReceived).WithId("twice").WithKey(key).Build();

        using var firstGivesUp = new CancellationTokenSource();
        var first = rig.Gate.SubmitAsync(bytes, GateRig.Source, firstGivesUp.Token).AsTask();
        var copy = rig.Gate.SubmitAsync(bytes, GateRig.Source, CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(copy.IsCompleted);

        await firstGivesUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var batch = new List<EventLog.LogRecord<AcceptedEvent>>();
        var reader = rig.Events.Reader();
        await reader.ReadBatchAsync(batch, 1, CancellationToken.None);

        Assert.Equal(IngestStatus.Accepted, (await copy.WaitAsync(TimeSpan.FromSeconds(5))).Status);
        Assert.Equal(0, rig.Gate.Counters.Snapshot().Duplicates);
    }

    [Fact]
    public async Task An_event_that_could_not_be_logged_is_not_remembered_as_seen()
    {
        var rig = new GateRig(partitionCapacity: 1);
        var key = "SKU-1@DC-EAST";
        await rig.SubmitAsync(EventBuilder.Of(EventTypes.StockReceived).WithKey(key).Build());
        var blocked = EventBuilder.Of(EventTypes.StockReceived).WithId("retry-me").WithKey(key).Build();

        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => rig.Gate.SubmitAsync(blocked, GateRig.Source, timeout.Token).AsTask());
        var batch = new List<EventLog.LogRecord<AcceptedEvent>>();
        await rig.Events.Reader().ReadBatchAsync(batch, 1, CancellationToken.None);

        var retry = await rig.SubmitAsync(blocked);

        Assert.Equal(IngestStatus.Accepted, retry.Status);
    }
}
