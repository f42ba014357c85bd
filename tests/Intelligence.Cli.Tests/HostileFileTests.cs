using System.Text;
using System.Text.Json.Nodes;
using Intelligence.Contracts;
using Intelligence.Testing;

namespace Intelligence.Cli.Tests;

public sealed class HostileFileTests : IDisposable
{
    private readonly string _data = CliProcess.NewDataDirectory();

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task A_hostile_line_is_dead_lettered_and_the_rest_of_the_file_is_stored()
    {
        Directory.CreateDirectory(_data);
        var file = Path.Combine(_data, "hostile.jsonl");
        var hostile = EventBuilder.Of(EventTypes.OrderPlaced).Edit(j =>
        {
            j["payload"]!["lines"]![0]!["unitPrice"] = JsonNode.Parse("79228162514264337593543950335");
            j["payload"]!["lines"]![0]!["discount"] = 1;
        }).BuildString();
        var lines = new StringBuilder();
        lines.Append('\uFEFF'); // a byte-order mark, as some Windows tools write
        for (var i = 0; i < 3; i++)
        {
            lines.AppendLine(EventBuilder.Of(EventTypes.StockReceived).BuildString());
        }

        lines.AppendLine(hostile).AppendLine(EventBuilder.Of(EventTypes.PayoutPaid).BuildString());
        await File.WriteAllTextAsync(file, lines.ToString(), new UTF8Encoding(false));

        var run = await CliProcess.RunAsync("run", "--source", "file", "--input", file, "--as-of", "2026-11-02T12:00:00Z", "--data", _data);

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Contains("every input accounted for: 5 = 4 + 1 + 0", run.Out, StringComparison.Ordinal);
    }
}
