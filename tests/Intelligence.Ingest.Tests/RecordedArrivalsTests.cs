using Intelligence.Contracts;
using Intelligence.Contracts.Validation;
using Intelligence.Ingest.Sources;
using Intelligence.Testing;

namespace Intelligence.Ingest.Tests;

/// <summary>
/// A file replayed at its recorded arrivals judges each input when it arrived: an event dated in the
/// future of its sending is refused even though a later input's arrival is past its date.
/// </summary>
public sealed class RecordedArrivalsTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"intelligence-{Guid.NewGuid():N}.jsonl");

    public void Dispose()
    {
        File.Delete(_path);
        File.Delete(RecordedArrivals.PathFor(_path));
    }

    [Fact]
    public async Task Each_input_is_judged_at_its_own_arrival()
    {
        // Sent on Monday, dated Wednesday (a clock set wrong); then an event of Thursday, sent on Thursday.
        Write([(Monday, Monday.AddDays(2)), (Monday.AddDays(3), Monday.AddDays(3))]);

        var replayed = await ReadAsync(Arrivals());
        var atTheEnd = await ReadAsync(null, new AsOfClock(Monday.AddDays(3)));

        Assert.Equal(RejectReason.EventTimeInFuture, Assert.Single(replayed.Dead).Rejection.Reason);
        Assert.Equal(Monday.AddDays(3), Assert.Single(replayed.Accepted).ReceivedAt);
        Assert.Equal(2, atTheEnd.Accepted.Count);
    }

    [Fact]
    public async Task A_restart_takes_the_arrivals_from_where_it_stands()
    {
        Write([(Monday, Monday), (Monday.AddHours(1), Monday.AddHours(1)), (Monday.AddHours(2), Monday.AddHours(2))]);
        var firstLine = File.ReadLines(_path).First().Length + 1;

        using var arrivals = RecordedArrivals.Open(_path, 1, out _)!;
        var rig = new GateRig();
        await new JsonLinesFileSource(_path, GateRig.Clock, new SourcePosition(1, firstLine), arrivals: arrivals).RunAsync(rig.Gate, CancellationToken.None);

        Assert.Equal([Monday.AddHours(1), Monday.AddHours(2)], (await GateRig.DrainAsync(rig.Events)).Select(e => e.ReceivedAt).Order());
    }

    [Fact]
    public void Arrivals_for_a_file_of_another_length_are_not_used()
    {
        Write([(Monday, Monday)]);
        File.AppendAllText(_path, EventBuilder.Of(EventTypes.StockReceived).BuildString() + "\n");

        Assert.Null(RecordedArrivals.Open(_path, 0, out var whyNot));
        Assert.Contains("delete it", whyNot, StringComparison.Ordinal);
    }

    [Fact]
    public void Arrivals_never_completed_are_not_used()
    {
        File.WriteAllText(_path, EventBuilder.Of(EventTypes.StockReceived).BuildString() + "\n");
        using (var recorder = new RecordedArrivals.Recorder(_path))
        {
            recorder.Record(Monday);
        }

        Assert.Null(RecordedArrivals.Open(_path, 0, out _));
    }

    [Fact]
    public void Past_the_last_recorded_arrival_the_time_stays_at_the_last()
    {
        Write([(Monday, Monday)]);
        using var arrivals = Arrivals();

        Assert.Equal(Monday, arrivals.Next());
        Assert.Equal(Monday, arrivals.Next());
    }

    private void Write(IReadOnlyList<(DateTimeOffset Sent, DateTimeOffset Dated)> inputs)
    {
        using var file = File.Create(_path);
        using var recorder = new RecordedArrivals.Recorder(_path);
        foreach (var (sent, dated) in inputs)
        {
            recorder.Record(sent);
            file.Write(EventBuilder.Of(EventTypes.StockReceived).At(dated).Build());
            file.WriteByte((byte)'\n');
        }

        file.Flush();
        recorder.Complete(file.Length);
    }

    private RecordedArrivals Arrivals() => RecordedArrivals.Open(_path, 0, out var whyNot) ?? throw new InvalidOperationException(whyNot);

    private async Task<(List<AcceptedEvent> Accepted, List<DeadLetter> Dead)> ReadAsync(RecordedArrivals? arrivals, TimeProvider? clock = null)
    {
        using (arrivals)
        {
            var rig = new GateRig();
            await new JsonLinesFileSource(_path, clock ?? GateRig.Clock, arrivals: arrivals).RunAsync(rig.Gate, CancellationToken.None);
            return (await GateRig.DrainAsync(rig.Events), await GateRig.DrainAsync(rig.DeadLetters));
        }
    }
}
