using System.Text;
using Intelligence.Contracts;
using Intelligence.Contracts.Validation;
using Intelligence.Ingest.Sources;
using Intelligence.Testing;

namespace Intelligence.Ingest.Tests;

public sealed class JsonLinesFileSourceTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"intelligence-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task Every_line_is_an_input_and_blank_lines_are_not()
    {
        var lines = new StringBuilder();
        lines.Append(EventBuilder.Of(EventTypes.StockReceived).BuildString()).Append("\r\n");
        lines.Append("\n   \n");
        lines.Append("{broken json\n");
        lines.Append(EventBuilder.Of(EventTypes.OrderPlaced).BuildString()).Append('\n');
        lines.Append(EventBuilder.Of(EventTypes.PayoutPaid).BuildString());
        await File.WriteAllTextAsync(_path, lines.ToString());
        var rig = new GateRig();

        await new JsonLinesFileSource(_path, GateRig.Clock).RunAsync(rig.Gate, CancellationToken.None);
        var totals = rig.Gate.Counters.Snapshot();

        Assert.Equal(4, totals.Received);
        Assert.Equal(3, totals.Accepted);
        Assert.Equal(1, totals.Rejected);
        Assert.Equal(3, (await GateRig.DrainAsync(rig.Events)).Count);
    }

    [Fact]
    public async Task An_endless_line_is_refused_as_oversize_without_reading_it_all_into_memory()
    {
        await using (var file = File.Create(_path))
        {
            var chunk = Encoding.UTF8.GetBytes(new string('x', 1 << 20));
            for (var i = 0; i < 40; i++)
            {
                await file.WriteAsync(chunk);
            }

            await file.WriteAsync("\n"u8.ToArray());
            await file.WriteAsync(EventBuilder.Of(EventTypes.StockReceived).Build());
        }

        var rig = new GateRig();
        await new JsonLinesFileSource(_path, GateRig.Clock).RunAsync(rig.Gate, CancellationToken.None);
        var dead = Assert.Single(await GateRig.DrainAsync(rig.DeadLetters));

        Assert.Equal(RejectReason.OversizePayload, dead.Rejection.Reason);
        Assert.Equal(2, rig.Gate.Counters.Snapshot().Received);
        Assert.Single(await GateRig.DrainAsync(rig.Events));
    }

    [Fact]
    public async Task A_byte_order_mark_at_the_start_is_not_part_of_the_first_event()
    {
        await File.WriteAllBytesAsync(_path, [0xEF, 0xBB, 0xBF, .. EventBuilder.Of(EventTypes.StockReceived).Build(), (byte)'\n']);
        var rig = new GateRig();

        await new JsonLinesFileSource(_path, GateRig.Clock).RunAsync(rig.Gate, CancellationToken.None);

        Assert.Equal(1, rig.Gate.Counters.Snapshot().Accepted);
    }

    [Fact]
    public async Task A_missing_file_says_how_to_make_one() =>
        Assert.Contains("simulate", (await Assert.ThrowsAsync<FileNotFoundException>(
            () => new JsonLinesFileSource(_path, GateRig.Clock).RunAsync(new GateRig().Gate, CancellationToken.None))).Message,
            StringComparison.Ordinal);
}
