using System.Text;
using System.Text.Json.Nodes;
using Intelligence.Contracts;
using Intelligence.Testing;

namespace Intelligence.Ingest.Tests;

/// <summary>
/// Broken and hostile inputs through the gate, one kind at a time. Each gets an answer with a clear
/// reason (or is taken as data when it is only odd), is counted, and the gate goes on taking good events.
/// </summary>
public sealed class HostileInputTests
{
    [Theory]
    [MemberData(nameof(HostileInputs.Kinds), MemberType = typeof(HostileInputs))]
    public async Task Each_kind_gets_its_reason_is_counted_and_the_gate_goes_on(string kind)
    {
        var (_, input, expected) = HostileInputs.Named(kind);
        var rig = new GateRig();

        var result = await rig.SubmitAsync(input);
        var next = await rig.SubmitAsync(EventBuilder.Of(EventTypes.OrderPlaced).WithId("ord-8-placed").Build());

        var answer = result.Status == IngestStatus.Accepted ? HostileInputs.Accepted : result.Rejection?.Code;
        Assert.True(expected == answer, $"{kind}: expected {expected}, got {answer} ({result.Rejection?.Detail})");
        Assert.Equal(IngestStatus.Accepted, next.Status);
        var totals = rig.Gate.Counters.Snapshot();
        Assert.Equal(2, totals.Received);
        Assert.Equal(totals.Received, totals.Accepted + totals.Duplicates + totals.Rejected);
        var letters = await GateRig.DrainAsync(rig.DeadLetters);
        if (expected != HostileInputs.Accepted)
        {
            var letter = Assert.Single(letters);
            Assert.Equal(expected, letter.Rejection.Code);
            Assert.False(string.IsNullOrWhiteSpace(letter.Rejection.Detail), $"{kind}: the reason has no sentence");
            Assert.Equal(Math.Min(input.Length, DeadLetter.MaxRawBytes), letter.Raw.Length);
        }
    }

    [Fact]
    public async Task An_event_sent_twice_is_taken_once_and_the_copy_counted_as_a_duplicate()
    {
        var rig = new GateRig();
        var input = EventBuilder.Of(EventTypes.OrderPlaced).WithId("ord-9-placed").Build();

        var results = new[] { await rig.SubmitAsync(input), await rig.SubmitAsync(input) };

        Assert.Equal([IngestStatus.Accepted, IngestStatus.Duplicate], results.Select(r => r.Status));
        Assert.Equal(1, rig.Gate.Counters.Snapshot().Duplicates);
    }
}
