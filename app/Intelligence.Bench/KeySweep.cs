using System.Text.Json;
using Intelligence.Contracts;
using Intelligence.Contracts.Warehouse;
using Intelligence.Ingest.Sources;
using Intelligence.Simulator;

namespace Intelligence.Bench;

/// <summary>
/// A workload for how memory grows with keys: stock events over exactly <see cref="Keys"/> SKU x
/// location positions (20 locations), every position opened by a cycle count first, then receipts and
/// adjustments at positions drawn at random (fixed seed) until <see cref="Events"/>, one simulated
/// second apart. Every key stays live to the end: nothing in the stock fold forgets a position.
/// </summary>
public sealed record KeySweep(long Keys, long Events, int Seed = 42)
{
    public const int Locations = 20;

    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public string FileName => $"keys-{Keys}-events-{Events}-seed{Seed}.jsonl";

    public override string ToString() => $"{Events:N0} stock events over {Keys:N0} SKU x location keys";

    public string Ensure(string folder, Action<string> progress)
    {
        if (Events < Keys)
        {
            throw new ArgumentException($"A key sweep needs at least one event per key ({Keys:N0}); it was given {Events:N0}.");
        }

        return WorkloadFile.Ensure(folder, FileName, $"the key sweep ({this})", progress, Write);
    }

    private void Write(Stream file, string path)
    {
        var random = new Random(Seed);
        var at = Start;
        using (var arrivals = new RecordedArrivals.Recorder(path))
        using (var json = new Utf8JsonWriter(file))
        {
            for (long i = 0; i < Events; i++)
            {
                var key = i < Keys ? i : random.NextInt64(Keys);
                var (sku, location) = ($"SKU-{key / Locations:D7}", $"LOC-{key % Locations:D2}");
                var (type, payload) = i < Keys
                    ? (EventTypes.StockCounted, (IEventPayload)new StockCounted { Location = location, Sku = sku, CountedQuantity = 50 })
                    : random.Next(3) == 0
                        ? (EventTypes.StockAdjusted, new StockAdjusted { Location = location, Sku = sku, Delta = -random.Next(1, 4), Reason = "shrinkage" })
                        : (EventTypes.StockReceived, new StockReceived { Location = location, Sku = sku, Quantity = random.Next(1, 24) });
                EnvelopeWriter.Write(json, $"bench-{i:D10}", type, "wms-bench", at, PartitionKeys.Stock(sku, location), payload);
                arrivals.Record(at);
                json.Flush();
                file.WriteByte((byte)'\n');
                json.Reset();
                at = at.AddSeconds(1);
            }

            file.Flush();
            arrivals.Complete(file.Length);
        }

        GroundTruthFile.Write(path + ".truth.json", new SimulationOptions { Events = Events, Seed = Seed, Start = Start }, at, []);
    }
}
